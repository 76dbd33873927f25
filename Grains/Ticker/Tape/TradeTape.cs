using Scanner.MarketData;

namespace Scanner.Ticker.Tape;

/// <summary>
/// A symbol's time and sales while someone watches it, in memory only: the last <see cref="Capacity"/> trades in the
/// order they were applied, each with its side against the NBBO at its time. Trades and quotes come on separate
/// streams, so either may run ahead: the tape remembers the last <see cref="QuoteMemory"/> quotes and classifies a
/// trade against the newest one not after it (the oldest remembered when all are later).
/// </summary>
public sealed class TradeTape
{
    public const int Capacity = 100;
    public const int QuoteMemory = 64;

    private readonly TapeTrade[] _trades = new TapeTrade[Capacity];
    private readonly (long Time, double Bid, double Ask)[] _quotes = new (long, double, double)[QuoteMemory];
    private long _tradeCount;
    private long _quoteCount;

    /// <summary>Trades held, at most <see cref="Capacity"/>.</summary>
    public int Count => (int)Math.Min(_tradeCount, Capacity);

    /// <summary>Applies a trade or a quote (duplicates must be filtered before); true when the tape changed.</summary>
    public bool Apply(MarketEvent e)
    {
        switch (e)
        {
            case Trade t:
                Add(t);
                return true;
            case Quote q:
                AddQuote(q.Timestamp, q.BidPrice, q.AskPrice);
                return false;
            default:
                return false;
        }
    }

    /// <summary>Remembers a quote (also the day's current one when the tape starts).</summary>
    public void AddQuote(long time, double bid, double ask) => _quotes[_quoteCount++ % QuoteMemory] = (time, bid, ask);

    /// <summary>The trades, newest first.</summary>
    public IEnumerable<TapeTrade> NewestFirst()
    {
        for (var i = 1; i <= Count; i++)
        {
            yield return _trades[(_tradeCount - i) % Capacity];
        }
    }

    public void Clear() => _tradeCount = _quoteCount = 0;

    private void Add(Trade t)
    {
        var (bid, ask) = QuoteAt(t.Timestamp);
        _trades[_tradeCount++ % Capacity] = new TapeTrade(t.Timestamp, t.Price, t.Size, t.Exchange, t.Conditions, TradeSides.Classify(t.Price, bid, ask));
    }

    private (double Bid, double Ask) QuoteAt(long time)
    {
        var remembered = (int)Math.Min(_quoteCount, QuoteMemory);
        (long Time, double Bid, double Ask)? before = null, oldest = null;
        for (var i = 0; i < remembered; i++)
        {
            var quote = _quotes[i];
            if (quote.Time <= time && (before is null || quote.Time >= before.Value.Time))
            {
                before = quote;
            }
            if (oldest is null || quote.Time < oldest.Value.Time)
            {
                oldest = quote;
            }
        }
        var chosen = before ?? oldest;
        return chosen is { } q ? (q.Bid, q.Ask) : (0, 0);
    }
}
