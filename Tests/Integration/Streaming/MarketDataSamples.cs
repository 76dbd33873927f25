using Scanner.MarketData;

namespace Scanner.Tests.Integration.Streaming;

/// <summary>Feed events for the stream tests; the sequence number identifies an event in the probe's record.</summary>
internal static class MarketDataSamples
{
    public static Trade Trade(string symbol, long sequence, long size = 100) =>
        new(symbol, 1_700_000_000_000 + sequence, 1_700_000_000_000_000 + sequence, 4, new TradeId((ulong)sequence, null), 3,
            100 + sequence % 50 / 100.0, size, default, sequence, 0, 0);

    public static Aggregate SecondBar(string symbol, long start) =>
        new(symbol, start, start, false, 1_000, 50_000, 99.5, 100.1, 100, 101, 99, 100.5, 100.2, 120, start, start + 1_000, false, null, null);

    /// <summary>A trade the probe grain refuses (it throws), to play a failing consumer.</summary>
    public static Trade Poison(string symbol) => Trade(symbol, -1, size: -1);
}
