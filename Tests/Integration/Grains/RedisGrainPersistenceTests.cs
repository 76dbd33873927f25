using System.Text;
using Scanner.Layouts;
using Scanner.Silo.Hosting;
using Scanner.ServiceDefaults.Configuration;

namespace Scanner.Tests.Integration.Grains;

/// <summary>The grains' write-behind state in real Redis, stored as the silo stores it: deactivated grains resume from it.</summary>
[Collection(nameof(ScannerGrainTests))]
public sealed class RedisGrainPersistenceTests : IAsyncLifetime
{
    private ScannerCluster _c = null!;

    public async Task InitializeAsync() =>
        _c = await ScannerCluster.StartAsync(silo => silo.AddScannerStorage(new ScannerHostOptions(), new InfrastructureOptions { Redis = TestInfrastructure.Redis }));

    public async Task DisposeAsync() => await _c.DisposeAsync();

    [Fact]
    public async Task Deactivated_grains_resume_from_redis_without_double_counting() =>
        // Each test cluster has its own ServiceId, which prefixes every Redis key: runs do not see each other.
        await GrainScenarios.DeactivatedGrainsResumeWithoutDoubleCounting(_c, "RDS");

    [Fact]
    public async Task A_ticker_rewrites_state_that_redis_lost() =>
        await GrainScenarios.LostStateIsRewrittenFromMemory(_c, "LOSTR");

    [Fact]
    public async Task Saved_layouts_survive_the_grains_deactivation_and_refused_ones_change_nothing()
    {
        var grain = _c.Client.GetGrain<IUserLayoutsGrain>($"trader-{Guid.NewGuid():N}");
        Assert.Null(await grain.Get());
        var layouts = Encoding.UTF8.GetBytes("""{"version":1,"current":"Default","layouts":{"Default":{"widgets":[{"id":"w1","type":"chart","feed":"chart:AIG"}]}}}""");
        await grain.Save(layouts);

        await _c.Cluster.DeactivateAsync(grain);
        Assert.Equal(layouts, await grain.Get());

        await Assert.ThrowsAsync<ArgumentException>(() => grain.Save("[1]"u8.ToArray()));
        await Assert.ThrowsAsync<ArgumentException>(() => grain.Save(new byte[UserLayouts.MaxBytes + 1]));
        await _c.Cluster.DeactivateAsync(grain);
        Assert.Equal(layouts, await grain.Get());
    }
}
