using System.Diagnostics;

namespace Scanner.Tests.Support;

/// <summary>
/// The one way tests and benchmarks wait for something that happens on another thread or process. The timeout only
/// bounds a failing run: it is generous, and never what a test asserts.
/// </summary>
public static class Polling
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(20);

    /// <summary>Polls <paramref name="condition"/> until it holds (true) or <paramref name="timeout"/> passes (false).</summary>
    public static Task<bool> WaitForAsync(Func<bool> condition, TimeSpan timeout) =>
        WaitForAsync(() => Task.FromResult(condition()), timeout);

    /// <inheritdoc cref="WaitForAsync(Func{bool}, TimeSpan)"/>
    public static async Task<bool> WaitForAsync(Func<Task<bool>> condition, TimeSpan timeout)
    {
        var deadline = Stopwatch.GetTimestamp() + (long)(timeout.TotalSeconds * Stopwatch.Frequency);
        while (!await condition())
        {
            if (Stopwatch.GetTimestamp() > deadline) return false;
            await Task.Delay(Interval);
        }
        return true;
    }

    /// <summary>Polls until <paramref name="condition"/> holds; throws <see cref="TimeoutException"/> (a test failure) otherwise.</summary>
    public static Task UntilAsync(Func<bool> condition, Func<string>? describe = null, TimeSpan? timeout = null) =>
        UntilAsync(() => Task.FromResult(condition()), describe, timeout);

    /// <inheritdoc cref="UntilAsync(Func{bool}, Func{string}?, TimeSpan?)"/>
    public static async Task UntilAsync(Func<Task<bool>> condition, Func<string>? describe = null, TimeSpan? timeout = null)
    {
        var limit = timeout ?? DefaultTimeout;
        if (!await WaitForAsync(condition, limit))
            throw new TimeoutException($"Condition did not hold within {limit}: {describe?.Invoke() ?? "(no description)"}");
    }
}
