namespace Scanner.MarketData;

/// <summary>
/// The Orleans streams of the market data. Each data kind has its own stream provider (and so its own set of
/// RabbitMQ queues, cache, TTL and shedding) whose name is also the stream namespace, so a flood of quotes never
/// delays the aggregates that drive the scanners. The stream key is the symbol. Provider names, namespaces and
/// queue counts are part of the data contract between silos: never change them casually.
/// </summary>
public static class MarketDataStreams
{
    public const string Trades = "trades";
    public const string Quotes = "quotes";
    public const string Aggregates = "aggregates";
    public const string Halts = "halts";
    public const string Other = "other";

    /// <summary>All kinds (provider names and namespaces), in a fixed order.</summary>
    public static IReadOnlyList<string> All { get; } = [Trades, Quotes, Aggregates, Halts, Other];

    /// <summary>The provider name and stream namespace of an event kind.</summary>
    public static string NamespaceOf(MarketEventKind kind) => kind switch
    {
        MarketEventKind.Trade => Trades,
        MarketEventKind.Quote => Quotes,
        MarketEventKind.SecondAggregate or MarketEventKind.MinuteAggregate => Aggregates,
        MarketEventKind.Luld => Halts,
        _ => Other,
    };

    public static StreamId StreamOf(MarketEvent e) => StreamId.Create(NamespaceOf(e.Kind), e.Symbol);
}
