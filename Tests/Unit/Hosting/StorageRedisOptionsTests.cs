using Scanner.ServiceDefaults.Configuration;
using Scanner.Silo.Hosting;

namespace Scanner.Tests.Unit.Hosting;

/// <summary>
/// A cold start's 10,000 state reads wait seconds behind the write-behind writes on the storage's connection: at the
/// client's default 5 s, 218 activations of one cold start failed (and their events with them).
/// </summary>
public class StorageRedisOptionsTests
{
    [Fact]
    public void Grain_storage_calls_wait_out_a_cold_start_backlog_and_clustering_keeps_the_client_default()
    {
        var infrastructure = new InfrastructureOptions { Redis = "127.0.0.1:6390" };

        Assert.Equal(30_000, ScannerSiloConfiguration.StorageRedisOptions(infrastructure).AsyncTimeout);
        Assert.Equal(5_000, ScannerSiloConfiguration.RedisOptions(infrastructure).AsyncTimeout);
    }

    [Fact]
    public void A_longer_timeout_configured_is_kept()
    {
        var infrastructure = new InfrastructureOptions { Redis = "127.0.0.1:6390,asyncTimeout=60000" };

        Assert.Equal(60_000, ScannerSiloConfiguration.StorageRedisOptions(infrastructure).AsyncTimeout);
    }
}
