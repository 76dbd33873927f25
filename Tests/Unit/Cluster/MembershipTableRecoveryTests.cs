using Scanner.Silo.Hosting;

namespace Scanner.Tests.Unit.Cluster;

public class MembershipTableRecoveryTests
{
    private readonly FakeMembershipTable _table = new();

    private async Task<MembershipTableData> ClusterOfTwoAsync()
    {
        await _table.InitializeMembershipTable(true);
        foreach (var entry in new[] { FakeMembershipTable.Entry(11111), FakeMembershipTable.Entry(11112), FakeMembershipTable.Entry(11113, SiloStatus.Dead) })
        {
            var version = (await _table.ReadAll()).Version;
            Assert.True(await _table.InsertRow(entry, version.Next()));
        }
        return await _table.ReadAll();
    }

    [Fact]
    public async Task A_lost_table_is_restored_with_the_live_rows_and_a_newer_version()
    {
        var before = await ClusterOfTwoAsync();
        var recovery = new MembershipTableRecovery(_table);
        Assert.False(await recovery.CheckAsync(CancellationToken.None));

        _table.Lose();
        Assert.True(await recovery.CheckAsync(CancellationToken.None));

        var after = await _table.ReadAll();
        Assert.True(after.Version.Version > before.Version.Version); // every silo takes it as newer than its view
        Assert.Equal(
            before.Members.Where(m => m.Item1.Status != SiloStatus.Dead).Select(m => m.Item1.SiloAddress).Order(),
            after.Members.Select(m => m.Item1.SiloAddress).Order());
        Assert.Equal(1, recovery.Restores);
        Assert.False(await recovery.CheckAsync(CancellationToken.None)); // restored once, not again
    }

    [Fact]
    public async Task Two_silos_restoring_at_once_leave_one_row_per_silo()
    {
        await ClusterOfTwoAsync();
        var first = new MembershipTableRecovery(_table);
        var second = new MembershipTableRecovery(_table);
        await first.CheckAsync(CancellationToken.None);
        await second.CheckAsync(CancellationToken.None);

        _table.Lose();
        await first.CheckAsync(CancellationToken.None);
        Assert.False(await second.CheckAsync(CancellationToken.None)); // the first one's restore is already complete

        Assert.Equal(2, (await _table.ReadAll()).Members.Count);
    }

    [Fact]
    public async Task A_store_that_is_down_fails_the_check_and_is_counted_without_touching_the_table()
    {
        await ClusterOfTwoAsync();
        var recovery = new MembershipTableRecovery(_table);
        await recovery.CheckAsync(CancellationToken.None);
        var writes = _table.Writes;

        _table.Unreachable = true;
        await Assert.ThrowsAsync<TimeoutException>(() => recovery.CheckAsync(CancellationToken.None));

        Assert.Equal(1, recovery.FailedChecks);
        Assert.Equal(writes, _table.Writes);
        _table.Unreachable = false;
        Assert.False(await recovery.CheckAsync(CancellationToken.None));
    }
}
