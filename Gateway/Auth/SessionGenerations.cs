using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using Scanner.Gateway.Backend;
using Scanner.Gateway.Health;
using Scanner.Gateway.Hosting;

namespace Scanner.Gateway.Auth;

/// <summary>
/// The users' session generations (<c>IUserSessionsGrain</c>, through the backend) as this gateway last read them. A
/// token is of a current session when its <c>sgen</c> is not older than its user's generation. Sockets are checked
/// against a reading at most <see cref="AuthOptions.SessionCacheDuration"/> old, so opening sockets is not a cluster
/// call each; a sign-out through this gateway forgets its reading at once. Generations only grow, so a refusal is never
/// stale; only an acceptance can be, by at most that duration. Entries exist only for users of the directory whose
/// token passed its signature, so the cache is bounded by the directory.
/// </summary>
internal sealed partial class SessionGenerations(
    IScannerFeedBackend backend,
    IOptions<AuthOptions> auth,
    IOptions<GatewayOptions> gateway,
    GatewayMetrics metrics,
    TimeProvider clock,
    ILogger<SessionGenerations> logger)
{
    private readonly ConcurrentDictionary<string, Reading> _readings = new(StringComparer.Ordinal);

    /// <summary>The generation new tokens of <paramref name="user"/> carry, read from the cluster now.</summary>
    public Task<int> CurrentAsync(string user, CancellationToken cancellation) => ReadAsync(user, cancellation);

    /// <summary>
    /// Whether a token of <paramref name="user"/> minted in <paramref name="tokenGeneration"/> belongs to a current
    /// session; null when the cluster cannot tell and nothing was read before. <paramref name="fresh"/> asks the
    /// cluster whatever the cache holds (renew and logout, which are rare and rate limited).
    /// </summary>
    public async Task<bool?> IsCurrentAsync(string user, int tokenGeneration, bool fresh, CancellationToken cancellation)
    {
        var known = _readings.TryGetValue(user, out var reading);
        if (known && tokenGeneration < reading.Generation)
        {
            return false;
        }
        if (known && !fresh && clock.GetElapsedTime(reading.ReadAt) < auth.Value.SessionCacheDuration)
        {
            return true;
        }
        try
        {
            return tokenGeneration >= await ReadAsync(user, cancellation).ConfigureAwait(false);
        }
        catch (Exception error) when (!cancellation.IsCancellationRequested)
        {
            // The cluster did not answer: the last reading decides, however old; without one the token is refused.
            metrics.BackendFailure();
            LogReadFailed(logger, user, error);
            return known ? tokenGeneration >= reading.Generation : null;
        }
    }

    /// <summary>Signs <paramref name="user"/> out on every gateway; this one stops accepting the old tokens at once.</summary>
    public async Task SignOutAsync(string user, CancellationToken cancellation)
    {
        await backend.SignOutAsync(user, cancellation).ConfigureAwait(false);
        _readings.TryRemove(user, out _);
    }

    private async Task<int> ReadAsync(string user, CancellationToken cancellation)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        timeout.CancelAfter(gateway.Value.GetTimeout);
        var readAt = clock.GetTimestamp();
        var generation = await backend.GetSessionGenerationAsync(user, timeout.Token).ConfigureAwait(false);
        _readings.AddOrUpdate(user, new Reading(generation, readAt),
            (_, before) => generation >= before.Generation ? new Reading(generation, readAt) : before);
        return generation;
    }

    private readonly record struct Reading(int Generation, long ReadAt);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not read the session generation of {User}")]
    private static partial void LogReadFailed(ILogger logger, string user, Exception error);
}
