using System.Collections.Concurrent;
using Orleans.Streams;
using Scanner.MarketData;

namespace Scanner.Silo.MarketFeed;

/// <summary>
/// Publishes to the persistent stream provider of each data kind (provider name = namespace). Stream handles are
/// cached per stream so the hot path does not resolve providers and build handles for every batch.
/// </summary>
public sealed class OrleansStreamBatchPublisher(IClusterClient client) : IStreamBatchPublisher
{
    private readonly ConcurrentDictionary<StreamId, IAsyncStream<MarketEvent>> _streams = new();

    public Task PublishAsync(StreamBatch batch)
    {
        var id = batch.StreamId;
        if (!_streams.TryGetValue(id, out var stream))
        {
            stream = client.GetStreamProvider(batch.Namespace).GetStream<MarketEvent>(id);
            _streams.TryAdd(id, stream);
        }
        return stream.OnNextBatchAsync(batch.Events);
    }
}
