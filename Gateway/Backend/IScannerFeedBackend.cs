using Scanner.ScannerFeeds;

namespace Scanner.Gateway.Backend;

/// <summary>
/// Where feed values (and each user's saved layouts and session generation) come from: the Orleans cluster in production
/// (<see cref="OrleansScannerFeedBackend"/>), a fake in protocol and fan-out tests. Pushes updates to the sink given
/// to <see cref="StartAsync"/>.
/// </summary>
public interface IScannerFeedBackend
{
    /// <summary>True while the backend can deliver (for the health report).</summary>
    bool IsConnected { get; }

    Task StartAsync(IScannerFeedUpdateSink sink, CancellationToken cancellation);

    Task StopAsync(CancellationToken cancellation);

    /// <summary>The current value of an exact feed, or null when it has none or does not exist.</summary>
    Task<ScannerFeedUpdate?> GetFeedAsync(string feed, CancellationToken cancellation);

    /// <summary>
    /// The current values of every per-symbol feed a wildcard matches, for a new wildcard subscription on a quiet
    /// market; a backend that cannot list a family answers none (the cluster lists <c>quote:*</c>).
    /// </summary>
    Task<ScannerFeedUpdate[]> GetMatchingAsync(string wildcard, CancellationToken cancellation) => Task.FromResult<ScannerFeedUpdate[]>([]);

    /// <summary>The per-symbol feeds and wildcards the gateway's clients want (list feeds always flow). Never blocks.</summary>
    void SetInterest(string[] patterns);

    /// <summary>The layouts <paramref name="user"/> saved last (UTF-8 JSON), or null before the first save.</summary>
    Task<byte[]?> GetLayoutsAsync(string user, CancellationToken cancellation);

    /// <summary>Stores <paramref name="layouts"/> (already checked by <c>UserLayouts.Check</c>) as the layouts of <paramref name="user"/>.</summary>
    Task SaveLayoutsAsync(string user, byte[] layouts, CancellationToken cancellation);

    /// <summary>The session generation new tokens of <paramref name="user"/> carry (see <c>IUserSessionsGrain</c>).</summary>
    Task<int> GetSessionGenerationAsync(string user, CancellationToken cancellation);

    /// <summary>Signs <paramref name="user"/> out everywhere: tokens of earlier generations are no longer renewed.</summary>
    Task SignOutAsync(string user, CancellationToken cancellation);
}
