using System.Collections.Concurrent;

namespace Scanner.Simulator.Rest;

/// <summary>
/// Authorized REST requests per endpoint name (<c>/health</c> reports them as <c>restRequests</c>), so tests and
/// benchmarks can count how many calls a hydration cost.
/// </summary>
public sealed class RestRequestCounts
{
    private readonly ConcurrentDictionary<string, long> _counts = new(StringComparer.Ordinal);

    public void Count(string endpoint) => _counts.AddOrUpdate(endpoint, 1, static (_, n) => n + 1);

    public IReadOnlyDictionary<string, long> Snapshot => new SortedDictionary<string, long>(_counts, StringComparer.Ordinal);
}
