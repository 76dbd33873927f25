using System.Net;
using Orleans.Configuration;
using Orleans.Dashboard;
using Orleans.Hosting;
using Orleans.Serialization;
using Orleans.Storage;
using Orleans.Streams;
using Scanner.MarketData;
using Scanner.ServiceDefaults.Cluster;
using Scanner.ServiceDefaults.Configuration;
using StackExchange.Redis;

namespace Scanner.Silo.Hosting;

/// <summary>
/// The one place a silo's cluster, storage and stream providers are chosen, shared by the silo process and the
/// tests that host silos in-process (which bring their own clustering and call the storage and stream parts).
/// </summary>
public static class ScannerSiloConfiguration
{
    /// <summary>The grain storage every scanner grain persists to.</summary>
    public const string StorageName = "scanner";

    /// <summary>
    /// How long a grain storage call may wait for Redis. At a cold start 10,000 activations each read their state
    /// behind the write-behind writes on the one connection, which took 5 s and more on a busy two-core host; the
    /// client's default (5 s) then failed the activation, and the events that woke the grain with it (218 failed
    /// activations in one 10,000-ticker cold start).
    /// </summary>
    public static readonly TimeSpan StorageTimeout = TimeSpan.FromSeconds(30);

    public static ISiloBuilder ConfigureScannerSilo(this ISiloBuilder silo, ScannerHostOptions options, InfrastructureOptions infrastructure)
    {
        silo.Configure<ClusterOptions>(o =>
        {
            o.ClusterId = infrastructure.ClusterId;
            o.ServiceId = infrastructure.ServiceId;
        });
        if (options.Infrastructure == ScannerInfrastructure.InMemory)
        {
            silo.UseLocalhostClustering(options.SiloPort, options.GatewayPort);
        }
        else
        {
            silo.ConfigureEndpoints(AdvertisedAddress(options.AdvertisedHost), options.SiloPort, options.GatewayPort, listenOnAnyHostAddress: true);
            silo.UseScannerRedisClustering(infrastructure);
        }
        silo.UseClusterTls(infrastructure.Tls);
        silo.AddScannerStorage(options, infrastructure).AddMarketDataStreams(options, infrastructure);
        silo.AddDashboard();
        return silo;
    }

    /// <summary>Membership in Redis, watched so that a table the store lost is restored (<see cref="MembershipTableRecovery"/>).</summary>
    public static ISiloBuilder UseScannerRedisClustering(this ISiloBuilder silo, InfrastructureOptions infrastructure)
    {
        silo.UseRedisClustering(o => o.ConfigurationOptions = RedisOptions(infrastructure));
        silo.Services.AddSingleton<MembershipTableRecovery>();
        silo.Services.AddHostedService<MembershipTableWatch>();
        return silo;
    }

    /// <summary>
    /// Grain storage "scanner": Redis, or memory for the zero-setup run. State is written with the Orleans binary
    /// serializer, not the provider's default JSON (Newtonsoft): ten thousand tickers write behind every few seconds,
    /// and JSON made that the silo's largest CPU cost and timed Redis out under load.
    /// </summary>
    public static ISiloBuilder AddScannerStorage(this ISiloBuilder silo, ScannerHostOptions options, InfrastructureOptions infrastructure) =>
        options.Infrastructure == ScannerInfrastructure.InMemory
            ? silo.AddMemoryGrainStorage(StorageName)
            : silo.AddRedisGrainStorage(StorageName, redis => redis.Configure<Serializer>((o, serializer) =>
            {
                o.ConfigurationOptions = StorageRedisOptions(infrastructure);
                o.GrainStorageSerializer = new OrleansGrainStorageSerializer(serializer);
            }));

    /// <summary>One stream provider per data kind: RabbitMQ, or memory streams for the zero-setup run.</summary>
    public static ISiloBuilder AddMarketDataStreams(this ISiloBuilder silo, ScannerHostOptions options, InfrastructureOptions infrastructure)
    {
        if (options.Infrastructure != ScannerInfrastructure.InMemory)
        {
            return silo.AddMarketDataRabbitMqStreams(options, infrastructure);
        }
        foreach (var kind in MarketDataStreams.All)
        {
            silo.AddMemoryStreams(kind, b => b.ConfigureStreamPubSub(StreamPubSubType.ImplicitOnly));
        }
        return silo;
    }

    public static ConfigurationOptions RedisOptions(InfrastructureOptions infrastructure) =>
        ConfigurationOptions.Parse(infrastructure.RedisConfiguration);

    /// <summary>The grain storage's connection: <see cref="RedisOptions"/> with at least <see cref="StorageTimeout"/> per call.</summary>
    public static ConfigurationOptions StorageRedisOptions(InfrastructureOptions infrastructure)
    {
        var options = RedisOptions(infrastructure);
        options.AsyncTimeout = Math.Max(options.AsyncTimeout, (int)StorageTimeout.TotalMilliseconds);
        return options;
    }

    private static IPAddress AdvertisedAddress(string? host)
    {
        if (string.IsNullOrEmpty(host))
        {
            return IPAddress.Loopback;
        }
        if (IPAddress.TryParse(host, out var address))
        {
            return address;
        }
        // A container name: advertise the address it resolves to, which the other containers can reach.
        return Dns.GetHostAddresses(host).First(a => a.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork);
    }
}
