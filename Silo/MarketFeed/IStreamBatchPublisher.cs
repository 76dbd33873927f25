namespace Scanner.Silo.MarketFeed;

/// <summary>Puts one stream batch on its Orleans stream; the task completes when the stream provider accepted it.</summary>
public interface IStreamBatchPublisher
{
    Task PublishAsync(StreamBatch batch);
}
