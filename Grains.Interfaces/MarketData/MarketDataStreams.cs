namespace Scanner.MarketData;

/// <summary>
/// The Orleans stream names of the market data: one namespace per data kind, so a flood of quotes never
/// delays the aggregates that drive the scanners; the stream key is the symbol. These names, the provider
/// name and the queue count are part of the data contract between silos: never change them casually.
/// </summary>
public static class MarketDataStreams
{
    /// <summary>The name of the persistent stream provider (RabbitMQ in production, memory streams in tests).</summary>
    public const string ProviderName = "market";

    public const string Trades = "trades";
    public const string Quotes = "quotes";
    public const string Aggregates = "aggregates";
    public const string Halts = "halts";
    public const string Other = "other";

    /// <summary>All namespaces, in a fixed order.</summary>
    public static IReadOnlyList<string> All { get; } = [Trades, Quotes, Aggregates, Halts, Other];

    public static string NamespaceOf(FeedEventKind kind) => kind switch
    {
        FeedEventKind.Trade => Trades,
        FeedEventKind.Quote => Quotes,
        FeedEventKind.SecondAggregate or FeedEventKind.MinuteAggregate => Aggregates,
        FeedEventKind.Luld => Halts,
        _ => Other,
    };

    public static StreamId StreamOf(FeedEvent e) => StreamId.Create(NamespaceOf(e.Kind), e.Symbol);
}
