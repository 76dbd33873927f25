using System.Diagnostics;
using System.Net;
using System.Text.Json;

namespace Scanner.Tests.Support.Health;

/// <summary>
/// One answer of a process's <c>/health/ready</c>: the HTTP status (503 when unhealthy), the verdict (Healthy,
/// Degraded, Unhealthy) and each failing check's reason as the health writer words it, <c>"{check}: {description}"</c>.
/// </summary>
public sealed record Readiness(HttpStatusCode Code, string Status, IReadOnlyList<string> Reasons)
{
    public bool Healthy => Status == nameof(Healthy);

    /// <summary>The reason check <paramref name="check"/> gives, or null while it passes.</summary>
    public string? Reason(string check) => Reasons.FirstOrDefault(r => r.StartsWith($"{check}: ", StringComparison.Ordinal));

    /// <summary>The answer without its figures: the status and the failing checks' names (loss counts change with every answer).</summary>
    public string Verdict => $"{(int)Code} {Status}" + (Reasons.Count == 0 ? "" : $" [{string.Join(", ", Reasons.Select(r => r[..r.IndexOf(':', StringComparison.Ordinal)]))}]");

    public override string ToString() => $"{(int)Code} {Status}" + (Reasons.Count == 0 ? "" : $" reasons: [{string.Join(" | ", Reasons)}]");

    public static Readiness Parse(HttpStatusCode code, string body)
    {
        using var json = JsonDocument.Parse(body);
        var root = json.RootElement;
        return new Readiness(code, root.GetProperty("status").GetString()!,
            [.. root.GetProperty("reasons").EnumerateArray().Select(r => r.GetString()!)]);
    }
}

/// <summary>
/// Reads a process's <c>/health/ready</c> over HTTP until it answers what a test waits for (with <see cref="Polling"/>),
/// writing every change of <see cref="Readiness.Verdict"/> (with the whole answer), and the test's own events, to the
/// test's output with the seconds since the watch began: the timeline of a fault as an operator's probe saw it.
/// </summary>
public sealed class ReadinessWatch(Uri ready, Action<string> output) : IDisposable
{
    // Generous: a 2-core machine under a fault test answers slowly at times, and only a hang should fail a test.
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(30) };
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private string? _lastVerdict;
    private string? _lastWritten;

    /// <summary>Writes <paramref name="line"/> to the test's output, stamped like the answers.</summary>
    public void Log(string line) => output($"[{_clock.Elapsed.TotalSeconds,6:0.0} s] {line}");

    /// <summary>Reads the answer once, writing it when its verdict differs from the previous one's.</summary>
    public async Task<Readiness> ReadAsync()
    {
        using var response = await _http.GetAsync(ready);
        var answer = Readiness.Parse(response.StatusCode, await response.Content.ReadAsStringAsync());
        if (answer.Verdict != _lastVerdict)
        {
            _lastVerdict = answer.Verdict;
            Write(answer);
        }
        return answer;
    }

    /// <summary>
    /// Reads until <paramref name="condition"/> holds and returns that answer, written too when its verdict had been
    /// seen already; fails with the last answer after <paramref name="timeout"/>.
    /// </summary>
    public async Task<Readiness> UntilAsync(Func<Readiness, bool> condition, string what, TimeSpan timeout)
    {
        Readiness? answer = null;
        await Polling.UntilAsync(async () => condition(answer = await ReadAsync()), () => $"{what}; {ready} last answered {answer}", timeout);
        if (answer!.ToString() != _lastWritten)
        {
            Write(answer);
        }
        return answer;
    }

    private void Write(Readiness answer)
    {
        _lastWritten = answer.ToString();
        Log($"GET {ready.AbsolutePath} -> {_lastWritten}");
    }

    public void Dispose() => _http.Dispose();
}
