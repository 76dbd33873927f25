using Scanner.MarketData;

namespace Scanner.Silo.MarketFeed;

/// <summary>The events of one frame for one stream (data kind + symbol), in feed order: one publication.</summary>
public readonly record struct StreamBatch(string Namespace, string Symbol, MarketEvent[] Events)
{
    public StreamId StreamId => StreamId.Create(Namespace, Symbol);
}
