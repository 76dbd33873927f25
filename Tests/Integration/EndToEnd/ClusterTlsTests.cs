using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orleans.Configuration;
using Scanner.ScannerFeeds;
using Scanner.ServiceDefaults.Cluster;
using Scanner.ServiceDefaults.Configuration;
using Scanner.Ticker;
using Scanner.Tests.Support.Gateway;
using Scanner.Tests.Support.Launcher;
using Scanner.Tests.Support.Reporting;
using Scanner.Tests.Support.Security;
using StackExchange.Redis;
using Xunit.Abstractions;

namespace Scanner.Tests.Integration.EndToEnd;

/// <summary>
/// The cluster as a deployment runs it, with mutual TLS on the Orleans ports: two silos and the gateway hold
/// certificates of the cluster's own authority and the replayed day reaches a trader; an Orleans client that reaches
/// the silo ports without a certificate, or with one of another authority, cannot join and so cannot call any grain.
/// </summary>
public sealed class ClusterTlsTests(ITestOutputHelper output) : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("cluster-tls").FullName;
    private readonly TestCertificateAuthority _authority = TestCertificateAuthority.Create("scanner cluster CA");

    [Fact]
    public async Task A_tls_cluster_serves_the_day_and_refuses_clients_without_a_certificate_of_its_authority()
    {
        var tls = _authority.WriteFiles(_authority.Issue("cluster"), _folder, "cluster");
        await using var system = await ScannerSystem.StartAsync(TestSystem.Settings(silos: 2) with { ClusterTls = tls });
        try
        {
            await using var trader = await GatewayTestClient.LogInAndConnectAsync(system.GatewayUri, TestSystem.User, TestSystem.Password);
            await trader.SendAsync(new { action = "subscribe", feed = ScannerFeedNames.TopVolume });
            await trader.WaitForUpdateAsync(ScannerFeedNames.TopVolume, d => d.GetArrayLength() == 4, TimeSpan.FromMinutes(3));

            using var otherAuthority = TestCertificateAuthority.Create("scanner cluster CA");
            var foreign = otherAuthority.WriteFiles(otherAuthority.Issue("cluster"), _folder, "foreign");
            var plain = await JoinAsync(system, tls: null);
            var foreignCertificate = await JoinAsync(system, foreign);
            var clusterCertificate = await JoinAsync(system, tls);

            Assert.NotNull(plain);
            Assert.NotNull(foreignCertificate);
            Assert.Null(clusterCertificate);
            output.WriteLine(FaultReport.Record("cluster", "Orleans clients dial the silo gateway port: plain TCP, a certificate of another authority",
                "both refused; a client with the cluster's certificate joins", $"plain: {Reason(plain!)}; foreign: {Reason(foreignCertificate!)}; cluster certificate: joined",
                "the cluster served the replayed day throughout", "refused TLS handshakes in the silo log"));
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            throw new Xunit.Sdk.XunitException($"{ex.Message}\n{system.Logs()}");
        }
    }

    public void Dispose()
    {
        _authority.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    private static string Reason(Exception ex) => $"{ex.GetType().Name}: {ex.Message.Split('\n')[0]}";

    /// <summary>Starts an Orleans client on the system's cluster that gives up at the first failed connection; returns
    /// why it could not join, or null when it did.</summary>
    private static async Task<Exception?> JoinAsync(ScannerSystem system, ClusterTlsFiles? tls)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.UseOrleansClient(client =>
        {
            client.UseRedisClustering(o => o.ConfigurationOptions = ConfigurationOptions.Parse(system.Settings.Redis!));
            client.Configure<ClusterOptions>(o => o.ClusterId = o.ServiceId = system.Layout.ClusterId);
            client.Configure<GatewayOptions>(o => o.GatewayListRefreshPeriod = TimeSpan.FromSeconds(1));
            if (tls is not null)
            {
                client.UseClusterTls(new ClusterTlsOptions { Certificate = tls.Certificate, PrivateKey = tls.PrivateKey, Authority = tls.Authority });
            }
            client.UseConnectionRetryFilter((_, _) => Task.FromResult(false));
        });
        using var host = builder.Build();
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            await host.StartAsync(timeout.Token);
            await host.Services.GetRequiredService<IClusterClient>().GetGrain<ITickerGrain>("SPY").GetSnapshot();
            await host.StopAsync();
            return null;
        }
        catch (Exception ex) when (ex is not Xunit.Sdk.XunitException)
        {
            return ex;
        }
    }
}
