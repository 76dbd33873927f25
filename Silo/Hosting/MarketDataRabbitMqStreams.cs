using Scanner.MarketData;

namespace Scanner.Silo.Hosting;

/// <summary>One RabbitMQ stream provider per data kind, each with its own queues (filled in when the provider lands).</summary>
public static class MarketDataRabbitMqStreams
{
    public static ISiloBuilder AddMarketDataRabbitMqStreams(this ISiloBuilder silo, ScannerHostOptions options)
    {
        foreach (var kind in MarketDataStreams.All)
        {
            silo.AddMemoryStreams(kind, b => b.ConfigureStreamPubSub(Orleans.Streams.StreamPubSubType.ImplicitOnly));
        }
        return silo;
    }
}
