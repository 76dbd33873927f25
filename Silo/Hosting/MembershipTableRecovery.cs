namespace Scanner.Silo.Hosting;

/// <summary>
/// Brings the cluster's membership table back when its store lost it (Redis restarted empty or flushed). Orleans
/// cannot recover from that on its own: the Redis table then has no version row, every read fails, no silo can
/// write its status (so none stops on SIGTERM within its shutdown time) and no silo can join. The running silos'
/// last view is the truth, as a grain's memory is for its state: the table is created again, the rows of that
/// view that are missing are inserted, and the version is lifted past the view's so that every silo takes the
/// restored table as newer. Only the conditional writes of <see cref="IMembershipTable"/> are used, so silos
/// restoring at the same time cannot duplicate a row or skip a version.
/// </summary>
public sealed class MembershipTableRecovery(IMembershipTable table)
{
    private MembershipTableData? _lastGood;

    /// <summary>The table as last read intact: what a restore writes back. Null before the first good read.</summary>
    public MembershipTableData? LastView => Volatile.Read(ref _lastGood);

    /// <summary>Tables restored since start.</summary>
    public long Restores { get; private set; }

    /// <summary>Checks that failed (the table could neither be read nor restored) since start.</summary>
    public long FailedChecks { get; private set; }

    /// <summary>Reads the table; restores it from the last good view when it was lost. True when restored now.</summary>
    public async Task<bool> CheckAsync(CancellationToken cancellationToken)
    {
        try
        {
            var current = await ReadOrCreateAsync(cancellationToken);
            var restored = _lastGood is { } known && Lost(known, current);
            if (restored)
            {
                current = await RestoreAsync(_lastGood!, current, cancellationToken);
                Restores++;
            }
            Volatile.Write(ref _lastGood, current);
            return restored;
        }
        catch (Exception) when (!cancellationToken.IsCancellationRequested)
        {
            FailedChecks++;
            throw;
        }
    }

    private async Task<MembershipTableData> ReadOrCreateAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await table.ReadAllAsync(cancellationToken);
        }
        catch (Exception) when (!cancellationToken.IsCancellationRequested)
        {
            // A table without its version row cannot be read. Creating it does nothing when it exists, so a read that
            // failed for another reason (storage down) fails again below and is reported as such.
            await table.InitializeMembershipTableAsync(true, cancellationToken);
            return await table.ReadAllAsync(cancellationToken);
        }
    }

    /// <summary>Versions only grow, and only Dead rows are ever removed (by cleanup): anything else is a loss.</summary>
    private static bool Lost(MembershipTableData known, MembershipTableData current) =>
        current.Version.Version < known.Version.Version || Missing(known, current).Any();

    private static IEnumerable<MembershipEntry> Missing(MembershipTableData known, MembershipTableData current) =>
        known.Members.Select(m => m.Item1).Where(e => e.Status != SiloStatus.Dead && current.TryGet(e.SiloAddress) is null);

    private async Task<MembershipTableData> RestoreAsync(MembershipTableData known, MembershipTableData current, CancellationToken cancellationToken)
    {
        // One conditional write per step, each against the version just read: another silo restoring meanwhile only
        // makes a step fail and be read again. Bounded: every row once, every version once, plus contention.
        var steps = known.Members.Count + known.Version.Version + 32;
        for (var step = 0; step < steps; step++)
        {
            var missing = Missing(known, current).FirstOrDefault();
            if (missing is null && current.Version.Version > known.Version.Version)
            {
                return current;
            }
            if (missing is not null)
            {
                await table.InsertRowAsync(missing, current.Version.Next(), cancellationToken);
            }
            else
            {
                await table.UpdateRowAsync(current.Members[0].Item1, current.Version.VersionEtag, current.Version.Next(), cancellationToken);
            }
            current = await table.ReadAllAsync(cancellationToken);
        }
        throw new InvalidOperationException($"The membership table could not be restored in {steps} steps (version {current.Version.Version}, {current.Members.Count} rows)");
    }
}
