using System.Collections.Concurrent;
using Scanner.Hydration;
using Scanner.Calendar;
using Scanner.Ticker;

namespace Scanner.Tests.Integration.Grains;

/// <summary>
/// Reference data derived from the symbol (so a test can recompute it), counting loads per symbol; symbols in
/// <see cref="FailuresLeft"/> fail that many times first.
/// </summary>
internal sealed class FakeReferenceData : IReferenceDataSource
{
    public ConcurrentDictionary<string, int> FailuresLeft { get; } = new();

    public ConcurrentDictionary<string, int> Loads { get; } = new();

    public static ReferenceData For(string symbol, DateOnly day)
    {
        var seed = Math.Abs(symbol.GetHashCode(StringComparison.Ordinal) % 1000);
        var prevClose = 2 + (seed / 50.0);
        return new ReferenceData(TradingCalendar.ToNumber(day), prevClose, prevClose * 1.05, prevClose * 0.95, prevClose,
            100_000 + (seed * 1000), prevClose, 200_000 + (seed * 2000), 1_000_000);
    }

    public async Task<ReferenceData> LoadAsync(string symbol, DateOnly tradingDay, CancellationToken cancellationToken)
    {
        await Task.Yield();
        Loads.AddOrUpdate(symbol, 1, (_, n) => n + 1);
        if (FailuresLeft.TryGetValue(symbol, out var left) && left > 0)
        {
            FailuresLeft[symbol] = left - 1;
            throw new HydrationException($"{symbol}: scripted failure");
        }
        return For(symbol, tradingDay);
    }
}
