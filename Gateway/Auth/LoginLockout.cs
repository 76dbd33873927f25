using Microsoft.Extensions.Options;

namespace Scanner.Gateway.Auth;

/// <summary>
/// Locks a user name for <see cref="AuthOptions.LockoutDuration"/> after <see cref="AuthOptions.LockoutFailures"/>
/// wrong passwords within that duration. The lock expires by itself, so an attacker can delay a user but never lock
/// them out for good; while it holds, even the right password is refused. Unknown names are counted the same way,
/// so a lockout tells nothing about which names exist.
/// </summary>
internal sealed class LoginLockout(IOptions<AuthOptions> options, TimeProvider clock)
{
    /// <summary>Beyond this many tracked names, entries whose window has passed are dropped (bounds the memory a
    /// stream of made-up names can take; the per-address rate limit bounds how fast they come).</summary>
    private const int PruneAbove = 10_000;

    private readonly Dictionary<string, Failures> _failures = new(StringComparer.OrdinalIgnoreCase);
    private readonly Lock _gate = new();

    /// <summary>How long <paramref name="user"/> stays locked, or null when it may try a password.</summary>
    public TimeSpan? LockedFor(string user)
    {
        var now = clock.GetUtcNow();
        lock (_gate)
        {
            return _failures.TryGetValue(user, out var entry) && entry.LockedUntil > now ? entry.LockedUntil - now : null;
        }
    }

    /// <summary>Counts a wrong password; the one that reaches the threshold starts the lock.</summary>
    public void Failed(string user)
    {
        var settings = options.Value;
        var now = clock.GetUtcNow();
        lock (_gate)
        {
            if (!_failures.TryGetValue(user, out var entry) || now - entry.Since >= settings.LockoutDuration)
            {
                Prune(now, settings.LockoutDuration);
                entry = new Failures(now, 0, DateTimeOffset.MinValue);
            }
            var count = entry.Count + 1;
            _failures[user] = count >= settings.LockoutFailures
                ? new Failures(now, 0, now + settings.LockoutDuration)
                : entry with { Count = count };
        }
    }

    /// <summary>A right password outside a lock forgets the earlier failures.</summary>
    public void Succeeded(string user)
    {
        lock (_gate)
        {
            _failures.Remove(user);
        }
    }

    private void Prune(DateTimeOffset now, TimeSpan window)
    {
        if (_failures.Count < PruneAbove)
        {
            return;
        }
        foreach (var (name, entry) in _failures)
        {
            if (now - entry.Since >= window && entry.LockedUntil <= now)
            {
                _failures.Remove(name);
            }
        }
    }

    /// <summary>Wrong passwords counted since <paramref name="Since"/>, and the end of a running lock.</summary>
    private readonly record struct Failures(DateTimeOffset Since, int Count, DateTimeOffset LockedUntil);
}
