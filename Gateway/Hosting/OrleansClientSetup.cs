using Orleans.Configuration;
using Scanner.Gateway.Backend;
using Scanner.ServiceDefaults.Cluster;
using Scanner.ServiceDefaults.Configuration;
using StackExchange.Redis;

namespace Scanner.Gateway.Hosting;

/// <summary>
/// The Orleans client of the gateway: Redis clustering when <c>Infrastructure:Redis</c> (<c>REDIS_URL</c>) is set, localhost clustering otherwise
/// (the local demo); mutual TLS when <c>Infrastructure:Tls</c> is set. Connection failures are retried forever, so the gateway serves its page and health while the
/// cluster is away.
/// </summary>
internal static class OrleansClientSetup
{
    public static void AddOrleansFeedBackend(this WebApplicationBuilder builder)
    {
        var infrastructure = builder.Configuration.GetSection(InfrastructureOptions.Section).Get<InfrastructureOptions>() ?? new();
        builder.UseOrleansClient(client =>
        {
            if (infrastructure.Redis is { Length: > 0 })
            {
                client.UseRedisClustering(o => o.ConfigurationOptions = ConfigurationOptions.Parse(infrastructure.RedisConfiguration));
            }
            else
            {
                client.UseLocalhostClustering();
            }
            client.Configure<ClusterOptions>(options =>
            {
                options.ClusterId = infrastructure.ClusterId;
                options.ServiceId = infrastructure.ServiceId;
            });
            client.UseClusterTls(infrastructure.Tls);
            client.UseConnectionRetryFilter(async (_, cancellation) =>
            {
                await Task.Delay(TimeSpan.FromSeconds(2), cancellation).ConfigureAwait(false);
                return true;
            });
        });
        // Start the web server while the client is still looking for a silo.
        builder.Services.Configure<HostOptions>(options => options.ServicesStartConcurrently = true);
        builder.Services.AddSingleton<IScannerFeedBackend, OrleansScannerFeedBackend>();
    }
}
