using Orleans.Hosting;
using Scanner.Tests.Integration.Infrastructure;
using StackExchange.Redis;

namespace Scanner.Tests.Integration.Grains;

/// <summary>The grains' write-behind state in real Redis: deactivated grains resume from it.</summary>
[Collection(nameof(ScannerGrainTests))]
public sealed class RedisGrainPersistenceTests : IAsyncLifetime
{
    private ScannerCluster _c = null!;

    public async Task InitializeAsync() =>
        _c = await ScannerCluster.StartAsync(silo => silo.AddRedisGrainStorage("scanner", o =>
            o.ConfigurationOptions = new ConfigurationOptions { EndPoints = { TestInfrastructure.Redis }, AbortOnConnectFail = false }));

    public async Task DisposeAsync() => await _c.DisposeAsync();

    [Fact]
    public async Task Deactivated_grains_resume_from_redis_without_double_counting() =>
        // Each test cluster has its own ServiceId, which prefixes every Redis key: runs do not see each other.
        await GrainScenarios.DeactivatedGrainsResumeWithoutDoubleCounting(_c, "RDS");
}
