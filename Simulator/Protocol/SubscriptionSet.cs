using Scanner.MarketData;

namespace Scanner.Simulator.Protocol;

/// <summary>
/// What one connection asked for: per event kind, everything (<c>T.*</c>) and/or some symbols (<c>T.AAPL</c>).
/// Immutable, so the receive loop swaps in a new set while the send loop keeps matching against the old one.
/// </summary>
public sealed class SubscriptionSet
{
    private static readonly int KindCount = Enum.GetValues<MarketEventKind>().Length;

    private readonly bool[] _all;
    private readonly HashSet<string>?[] _symbols;

    public static SubscriptionSet Empty { get; } = new(new bool[KindCount], new HashSet<string>?[KindCount]);

    private SubscriptionSet(bool[] all, HashSet<string>?[] symbols)
    {
        _all = all;
        _symbols = symbols;
        IsEmpty = !all.Contains(true) && symbols.All(s => s is null || s.Count == 0);
    }

    public bool IsEmpty { get; }

    public bool Matches(MarketEventKind kind, string symbol) =>
        _all[(int)kind] || (_symbols[(int)kind] is { } symbols && symbols.Contains(symbol));

    public bool Matches(MarketEvent e) => Matches(e.Kind, e.Symbol);

    /// <summary>A copy that also holds the subscription.</summary>
    public SubscriptionSet With(Subscription subscription) => Change(subscription, add: true);

    /// <summary>A copy without the subscription (<c>T.*</c> and <c>T.AAPL</c> are separate entries, as they were added).</summary>
    public SubscriptionSet Without(Subscription subscription) => Change(subscription, add: false);

    private SubscriptionSet Change(Subscription subscription, bool add)
    {
        var all = (bool[])_all.Clone();
        var symbols = (HashSet<string>?[])_symbols.Clone();
        var kind = (int)subscription.Kind;
        if (subscription.Symbol is null)
        {
            all[kind] = add;
        }
        else
        {
            var changed = symbols[kind] is { } existing ? new HashSet<string>(existing, StringComparer.Ordinal) : new HashSet<string>(StringComparer.Ordinal);
            if (add)
            {
                changed.Add(subscription.Symbol);
            }
            else
            {
                changed.Remove(subscription.Symbol);
            }
            symbols[kind] = changed;
        }
        return new SubscriptionSet(all, symbols);
    }
}

/// <summary>One subscription parameter such as <c>T.*</c> or <c>AM.AAPL</c>; <see cref="Symbol"/> is null for <c>*</c>.</summary>
public readonly record struct Subscription(MarketEventKind Kind, string? Symbol)
{
    /// <summary>Parses <c>PREFIX.SYMBOL</c> or <c>PREFIX.*</c> with prefix T, Q, A, AM, LULD, NOI or FMV.</summary>
    public static bool TryParse(ReadOnlySpan<char> text, out Subscription subscription)
    {
        subscription = default;
        text = text.Trim();
        var dot = text.IndexOf('.');
        if (dot <= 0 || dot == text.Length - 1)
        {
            return false;
        }
        MarketEventKind? kind = text[..dot] switch
        {
            "T" => MarketEventKind.Trade,
            "Q" => MarketEventKind.Quote,
            "A" => MarketEventKind.SecondAggregate,
            "AM" => MarketEventKind.MinuteAggregate,
            "LULD" => MarketEventKind.Luld,
            "NOI" => MarketEventKind.Imbalance,
            "FMV" => MarketEventKind.FairMarketValue,
            _ => null,
        };
        if (kind is null)
        {
            return false;
        }
        var symbol = text[(dot + 1)..];
        subscription = new Subscription(kind.Value, symbol is "*" ? null : symbol.ToString().ToUpperInvariant());
        return true;
    }
}
