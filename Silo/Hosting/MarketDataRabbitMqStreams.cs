using Scanner.MarketData;
using Scanner.ServiceDefaults.Configuration;

namespace Scanner.Silo.Hosting;

/// <summary>One RabbitMQ stream provider per data kind, each on its own queues, sharing the silo's connection.</summary>
public static class MarketDataRabbitMqStreams
{
    public static ISiloBuilder AddMarketDataRabbitMqStreams(this ISiloBuilder silo, ScannerHostOptions options, InfrastructureOptions infrastructure)
    {
        foreach (var kind in MarketDataStreams.All)
        {
            silo.AddRabbitMqStreams(kind, o =>
            {
                o.Uri = infrastructure.RabbitMqUri;
                o.QueuePrefix = options.QueuePrefix;
                o.QueueCount = options.QueueCount;
                o.MessageTtl = options.MessageTtl > TimeSpan.Zero ? options.MessageTtl : null;
            });
        }
        return silo;
    }
}
