using System.Globalization;
using System.Net;

namespace Scanner.Tests.Unit.Cluster;

/// <summary>
/// A membership table with the Redis table's rules: one version row whose etag is the version, rows written only
/// against the current version and the next one, reads failing while the version row is missing.
/// <see cref="Lose"/> is Redis restarted without its data. Orleans 10.4 still declares the methods without the
/// Async suffix; the Async ones call them.
/// </summary>
internal sealed class FakeMembershipTable : IMembershipTable
{
    private readonly Dictionary<SiloAddress, MembershipEntry> _rows = [];
    private int? _version;

    public int Writes { get; private set; }

    public bool Unreachable { get; set; }

    public void Lose()
    {
        _rows.Clear();
        _version = null;
    }

    public static MembershipEntry Entry(int port, SiloStatus status = SiloStatus.Active) => new()
    {
        SiloAddress = SiloAddress.New(new IPEndPoint(IPAddress.Loopback, port), 1),
        Status = status,
        HostName = "localhost",
        SiloName = $"silo-{port}",
        StartTime = DateTime.UtcNow,
        IAmAliveTime = DateTime.UtcNow,
        SuspectTimes = [],
    };

    public Task InitializeMembershipTable(bool tryInitTableVersion)
    {
        ThrowIfUnreachable();
        if (tryInitTableVersion)
        {
            _version ??= 0;
        }
        return Task.CompletedTask;
    }

    public Task<MembershipTableData> ReadAll()
    {
        ThrowIfUnreachable();
        if (_version is not { } version)
        {
            throw new InvalidOperationException("The membership table version is missing");
        }
        var etag = version.ToString(CultureInfo.InvariantCulture);
        return Task.FromResult(new MembershipTableData(
            [.. _rows.Values.Select(e => Tuple.Create(e, etag))], new TableVersion(version, etag)));
    }

    public Task<bool> InsertRow(MembershipEntry entry, TableVersion tableVersion) =>
        Task.FromResult(Write(entry, tableVersion, exists: false));

    public Task<bool> UpdateRow(MembershipEntry entry, string etag, TableVersion tableVersion) =>
        Task.FromResult(etag == tableVersion.VersionEtag && Write(entry, tableVersion, exists: true));

    private bool Write(MembershipEntry entry, TableVersion next, bool exists)
    {
        ThrowIfUnreachable();
        if (_version is not { } version || next.VersionEtag != version.ToString(CultureInfo.InvariantCulture)
            || next.Version != version + 1 || _rows.ContainsKey(entry.SiloAddress) != exists)
        {
            return false;
        }
        _rows[entry.SiloAddress] = entry;
        _version = next.Version;
        Writes++;
        return true;
    }

    public Task UpdateIAmAlive(MembershipEntry entry) => Task.CompletedTask;

    public Task DeleteMembershipTableEntries(string clusterId)
    {
        Lose();
        return Task.CompletedTask;
    }

    public Task CleanupDefunctSiloEntries(DateTimeOffset beforeDate) => Task.CompletedTask;

    public Task<MembershipTableData> ReadRow(SiloAddress key) => throw new NotSupportedException();

    private void ThrowIfUnreachable()
    {
        if (Unreachable)
        {
            throw new TimeoutException("the store is down");
        }
    }
}
