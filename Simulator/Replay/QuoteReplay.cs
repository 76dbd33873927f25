using Scanner.MarketData;

namespace Scanner.Simulator.Replay;

/// <summary>
/// Turns one symbol's quote rows of a day into <c>Q</c> events in file order. A LEAN row updates one side (the other
/// is 0) or both; the side it leaves alone keeps its last price, size and venue, so every event is a whole quote.
/// Rows before both sides are known, suspicious rows and rows with no positive price are skipped.
/// </summary>
public static class QuoteReplay
{
    public static IEnumerable<TimedEvent> Events(string symbol, IEnumerable<LeanQuote> rows)
    {
        Side bid = default, ask = default;
        long sequence = 0;
        foreach (var row in rows)
        {
            if (row.Suspicious || !(row.UpdatesBid || row.UpdatesAsk))
            {
                continue;
            }
            var venue = ExchangeCodes.ToMassiveId(row.Exchange);
            if (row.UpdatesBid)
            {
                bid = new Side(row.BidDeciCents / 10_000.0, row.BidSize, venue);
            }
            if (row.UpdatesAsk)
            {
                ask = new Side(row.AskDeciCents / 10_000.0, row.AskSize, venue);
            }
            if (bid.Price == 0 || ask.Price == 0)
            {
                continue;
            }
            sequence++;
            var quote = new Quote(symbol, row.UnixMs, row.UnixMs, bid.Venue, bid.Price, bid.Size, ask.Venue, ask.Price, ask.Size,
                Condition: 0, ConditionCodes.Empty, sequence, TradeReplay.Tape);
            yield return new TimedEvent(row.UnixMs, quote);
        }
    }

    private readonly record struct Side(double Price, long Size, int Venue);
}
