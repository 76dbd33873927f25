using Scanner.MarketData;

namespace Scanner.Simulator.Replay;

/// <summary>
/// Turns one symbol's trades of a day into its feed events in send order: each trade as a <c>T</c>, each second and
/// minute bar as an <c>A</c> / <c>AM</c> sent when its window closes. Suspicious and empty trades are skipped.
/// </summary>
public static class TradeReplay
{
    /// <summary>Massive tape id used for replayed trades (1 = NYSE-listed; the LEAN files do not say).</summary>
    public const int Tape = 1;

    public static IEnumerable<TimedEvent> Events(string symbol, IEnumerable<LeanTick> ticks, long regularOpenUnixMs)
    {
        var builder = new AggregateBuilder(symbol, regularOpenUnixMs);
        var closed = new List<Aggregate>(2);
        long sequence = 0;
        foreach (var tick in ticks)
        {
            if (tick.Suspicious || tick.Size <= 0)
            {
                continue;
            }
            var price = tick.Price;
            builder.Add(tick.UnixMs, price, tick.Size, closed);
            foreach (var bar in closed)
            {
                yield return new TimedEvent(bar.End, bar);
            }
            closed.Clear();
            sequence++;
            var trade = new Trade(symbol, tick.UnixMs, tick.UnixMs, ExchangeCodes.ToMassiveId(tick.Exchange),
                new TradeId((ulong)sequence, null), Tape, price, tick.Size, ConditionCodes.Empty, sequence, 0, 0);
            yield return new TimedEvent(tick.UnixMs, trade);
        }
        builder.Flush(closed);
        foreach (var bar in closed)
        {
            yield return new TimedEvent(bar.End, bar);
        }
    }
}
