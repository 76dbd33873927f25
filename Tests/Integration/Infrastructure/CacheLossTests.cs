using System.Diagnostics;
using System.Net;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Configuration;
using Orleans.Hosting;
using Orleans.Storage;
using Orleans.Streams;
using Scanner.Cluster;
using Scanner.Hydration;
using Scanner.MarketData;
using Scanner.Persistence;
using Scanner.ScannerFeeds;
using Scanner.ServiceDefaults.Configuration;
using Scanner.Silo.Hosting;
using Scanner.Silo.Operations;
using Scanner.Tests.Integration.Grains;
using Scanner.Tests.Support.Health;
using Scanner.Tests.Support.Launcher;
using Scanner.Tests.Support.Reporting;
using Scanner.Ticker;
using StackExchange.Redis;
using Xunit.Abstractions;
using static Scanner.Tests.Integration.Grains.SyntheticEvents;

namespace Scanner.Tests.Integration.Infrastructure;

/// <summary>
/// Redis goes away under a running silo while tickers are written behind: flushed (its data gone, connections
/// kept), its process restarted without its data, and restarted with it (saved and loaded: a clean restart). The
/// grains write their memory again, the membership table and the feed lease come back, nothing in memory is lost,
/// and the silo still stops in time. The silo is configured as the production one (Redis clustering and storage)
/// with memory streams, in a Redis database of its own. While Redis is down (stopped, then started again with its
/// data) a silo process of the running system answers <c>/health/ready</c> unhealthy naming Redis and the feed lease
/// nobody holds, and the reasons go once Redis is back. A restart drops every client of the shared Redis, so the class runs alone, after the parallel
/// tests (<see cref="BrokerOutageCollection"/>).
/// </summary>
[Collection(BrokerOutageCollection.Name)]
public sealed class CacheLossTests(ITestOutputHelper output)
{
    private const int Database = 9;
    private static readonly TimeSpan Recovery = TimeSpan.FromSeconds(15);

    public enum CacheFault { Flushed, RestartedWithoutData, RestartedWithData }

    [Theory]
    [InlineData(CacheFault.Flushed)]
    [InlineData(CacheFault.RestartedWithoutData)]
    [InlineData(CacheFault.RestartedWithData)]
    public async Task Redis_lost_under_load_gets_the_memory_back_and_the_silo_carries_on(CacheFault fault)
    {
        var id = $"cacheloss-{Guid.NewGuid():N}";
        var infrastructure = new InfrastructureOptions { Redis = $"{TestInfrastructure.Redis},defaultDatabase={Database}", ClusterId = id, ServiceId = id };
        using var host = BuildSilo(infrastructure);
        await host.StartAsync();
        var client = host.Services.GetRequiredService<IClusterClient>();
        var storage = host.Services.GetRequiredKeyedService<IGrainStorage>(ScannerSiloConfiguration.StorageName);
        var membership = host.Services.GetRequiredService<IMembershipTable>();
        var failures = host.Services.GetRequiredService<StateWriteFailures>();
        var recovery = host.Services.GetRequiredService<MembershipTableRecovery>();
        var lease = client.GetGrain<IListenerLeaseGrain>("cache-loss");
        Assert.True((await lease.TryAcquire("silo-a", TimeSpan.FromMinutes(5))).Granted);

        var symbols = Enumerable.Range(0, 100).Select(i => $"CL{i:000}").ToArray();
        using var load = new CancellationTokenSource();
        var producing = ProduceTradesAsync(client, symbols, load.Token);
        await Polling.UntilAsync(async () => (await StoredTradeCounts(storage, client, symbols)).All(c => c > 0), () => "every ticker written once", TimeSpan.FromSeconds(60));

        await Polling.UntilAsync(() => recovery.LastView?.Members.Any(m => m.Item1.Status == SiloStatus.Active) == true, () => "the silo's first view of the table");
        var injected = await InjectAsync(fault);
        var lost = Stopwatch.StartNew();
        output.WriteLine($"injected: {injected} under {symbols.Length} tickers written behind every 500 ms");

        await Polling.UntilAsync(async () => (await StoredTradeCounts(storage, client, symbols)).All(c => c > 0), () => "every ticker written again", Recovery);
        var writesBack = lost.Elapsed;
        await Polling.UntilAsync(async () => await ActiveRows(membership) == 1, () => "the membership table restored with the silo active", Recovery);
        var membershipBack = lost.Elapsed;
        Assert.True((await lease.TryAcquire("silo-a", TimeSpan.FromMinutes(5))).Granted);
        Assert.False((await lease.TryAcquire("silo-b", TimeSpan.FromMinutes(5))).Granted); // the holder kept it

        await load.CancelAsync();
        await producing;
        await Polling.UntilAsync(async () =>
        {
            var stored = await StoredTradeCounts(storage, client, symbols);
            var memory = await Task.WhenAll(symbols.Select(s => client.GetGrain<ITickerGrain>(s).GetSnapshot()));
            return stored.SequenceEqual(memory.Select(m => m.TradeCount));
        }, () => "stored state equals the grains' memory", Recovery);
        var observed = $"ticker states written again after {writesBack.TotalSeconds:0.0} s, membership table usable after {membershipBack.TotalSeconds:0.0} s, " +
            "stored state equal to memory, the lease kept by its holder";
        var counted = $"{failures.Total} failed grain writes (health grain-state degraded while they rise), {recovery.Restores} membership restore(s)";
        output.WriteLine($"measured: {observed}");
        output.WriteLine($"loss counted: {counted}");
        if (fault == CacheFault.RestartedWithData)
        {
            Assert.Equal(0, recovery.Restores); // the table came back with the data
        }
        else
        {
            Assert.True(failures.Total > 0);
            Assert.Equal(1, recovery.Restores);
        }

        var stopping = Stopwatch.StartNew();
        await host.StopAsync();
        output.WriteLine($"measured: the silo stopped in {stopping.Elapsed.TotalSeconds:0.0} s");
        Assert.True(stopping.Elapsed < TimeSpan.FromSeconds(30), $"the silo took {stopping.Elapsed} to stop");
        output.WriteLine(FaultReport.Record("cache loss", injected, "grains rewrite their state, membership and lease recover, writes resume within seconds",
            observed, "yes", counted));
    }

    /// <summary>
    /// The feed lease lives in Redis, so while Redis is down nobody in the (one-silo) cluster holds it either: the
    /// silo process's <c>/health/ready</c> names both, and both reasons go once Redis is back.
    /// </summary>
    [Fact]
    public async Task Redis_down_turns_the_silos_readiness_unhealthy_naming_Redis_and_the_lease_until_it_is_back()
    {
        const string NoLease = "no silo is known to hold the feed lease";
        await using var system = await TestSystem.StartAsync(silos: 1);
        try
        {
            using var readiness = new ReadinessWatch(system.SiloReady[0], output.WriteLine);
            var before = await readiness.ReadAsync();
            bool RedisNamed(Readiness r) => r.Reason(SiloHealthChecks.Redis) is not null;
            bool LeaseNamed(Readiness r) => r.Reason(MarketFeedHealthCheck.Name)?.Contains(NoLease, StringComparison.Ordinal) == true;

            readiness.Log("stopping the Redis process, saving its data (scripts/infra.sh redis-stop keep)");
            await RedisServer.StopAsync(keepData: true);
            var stopped = Stopwatch.StartNew();
            readiness.Log("Redis process stopped");
            Readiness down, noLease;
            TimeSpan redisNamed, leaseNamed;
            try
            {
                down = await readiness.UntilAsync(r => !r.Healthy && RedisNamed(r), "/health/ready not healthy, naming Redis", Polling.DefaultTimeout);
                redisNamed = stopped.Elapsed;
                noLease = await readiness.UntilAsync(r => RedisNamed(r) && LeaseNamed(r), "/health/ready naming the feed lease nobody holds", Polling.DefaultTimeout);
                leaseNamed = stopped.Elapsed;
            }
            finally
            {
                readiness.Log("starting the Redis process again, loading its data (scripts/infra.sh redis-start)");
                await RedisServer.StartAsync();
            }
            var outage = stopped.Elapsed;
            var started = Stopwatch.StartNew();
            readiness.Log("Redis process started and answering");
            var back = await readiness.UntilAsync(r => !RedisNamed(r) && !LeaseNamed(r), "the Redis and lease reasons gone from /health/ready",
                TimeSpan.FromMinutes(2));
            var cleared = started.Elapsed;
            Assert.False(system.Processes.Any(p => p.HasExited), "a process died while Redis was down");

            var observed = $"/health/ready {before.Verdict} before; {down.Verdict} {redisNamed.TotalSeconds:0.0} s after Redis stopped " +
                $"({down.Reason(SiloHealthChecks.Redis)}), {noLease.Verdict} naming the lease nobody holds after {leaseNamed.TotalSeconds:0.0} s; " +
                $"both reasons gone {cleared.TotalSeconds:0.0} s after it answered again, leaving {back.Verdict}";
            output.WriteLine(FaultReport.Record("cache loss", $"Redis process down for {outage.TotalSeconds:0.0} s under the running system, then started with its data",
                "/health/ready unhealthy naming Redis and the lease nobody holds while it is down, both reasons gone once it is back", observed, "yes",
                "readiness: redis unreachable (503), feed-listener degraded, grain-state degraded while writes fail"));
            Assert.Equal(HttpStatusCode.ServiceUnavailable, down.Code);
            Assert.Equal("Unhealthy", down.Status);
            Assert.Contains("redis unreachable at", down.Reason(SiloHealthChecks.Redis), StringComparison.Ordinal);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            throw new Xunit.Sdk.XunitException($"{ex.Message}\n{system.Logs()}");
        }
    }

    private static async Task<string> InjectAsync(CacheFault fault)
    {
        switch (fault)
        {
            case CacheFault.Flushed:
                using (var redis = await ConnectionMultiplexer.ConnectAsync($"{TestInfrastructure.Redis},allowAdmin=true"))
                {
                    await redis.GetServers()[0].FlushDatabaseAsync(Database);
                }
                return $"FLUSHDB of Redis database {Database}";
            case CacheFault.RestartedWithoutData:
                await RedisServer.RestartAsync(keepData: false);
                return "Redis process restarted without its data";
            default:
                await RedisServer.RestartAsync(keepData: true);
                return "Redis process restarted with its data (saved and loaded)";
        }
    }

    private static IHost BuildSilo(InfrastructureOptions infrastructure)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders(); // a hundred grains' storage errors would bury the report; the test measures instead
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Scanner:PersistInterval"] = "00:00:00.500" });
        builder.UseOrleans(silo =>
        {
            silo.Configure<ClusterOptions>(o => (o.ClusterId, o.ServiceId) = (infrastructure.ClusterId, infrastructure.ServiceId));
            silo.ConfigureEndpoints(IPAddress.Loopback, LoopbackPorts.Free(), LoopbackPorts.Free());
            silo.UseScannerRedisClustering(infrastructure);
            silo.AddScannerStorage(new ScannerHostOptions(), infrastructure);
            foreach (var kind in MarketDataStreams.All)
            {
                silo.AddMemoryStreams(kind, s => s.ConfigureStreamPubSub(StreamPubSubType.ImplicitOnly));
            }
        });
        builder.Services.AddScannerGrains(builder.Configuration);
        builder.Services.AddSingleton<IScannerFeedPublisher>(new RecordingFeedPublisher());
        builder.Services.AddSingleton<IReferenceDataSource>(new FakeReferenceData());
        return builder.Build();
    }

    /// <summary>One trade per symbol every 50 ms, until cancelled.</summary>
    private static async Task ProduceTradesAsync(IClusterClient client, string[] symbols, CancellationToken cancellationToken)
    {
        var provider = client.GetStreamProvider(MarketDataStreams.Trades);
        for (var sequence = 1L; !cancellationToken.IsCancellationRequested; sequence++)
        {
            await Task.WhenAll(symbols.Select(s => provider.GetStream<MarketEvent>(StreamId.Create(MarketDataStreams.Trades, s))
                .OnNextAsync(Trade(s, At(9, 31) + sequence, 5 + (sequence % 100 * 0.01), sequence))));
            await Task.Delay(TimeSpan.FromMilliseconds(50), CancellationToken.None);
        }
    }

    private static async Task<long[]> StoredTradeCounts(IGrainStorage storage, IClusterClient client, string[] symbols) =>
        await Task.WhenAll(symbols.Select(async s =>
        {
            var state = new GrainState<TickerDayState>();
            await storage.ReadStateAsync("ticker", client.GetGrain<ITickerGrain>(s).GetGrainId(), state);
            return state.RecordExists ? state.State?.TradeCount ?? 0L : 0L;
        }));

    private static async Task<int> ActiveRows(IMembershipTable membership)
    {
        try
        {
            return (await membership.ReadAllAsync()).Members.Count(m => m.Item1.Status == SiloStatus.Active);
        }
        catch (Exception)
        {
            return 0; // the table is still missing
        }
    }
}
