using Orleans.Streams;
using Orleans.Streams.Core;
using Scanner.MarketData;

namespace Scanner.Tests.Integration.Streaming;

/// <summary>What a probe grain received: per stream namespace, the sequence numbers in arrival order.</summary>
[GenerateSerializer, Alias("scanner.tests.probe-snapshot")]
public sealed record ProbeSnapshot([property: Id(0)] Dictionary<string, List<long>> Received)
{
    public IReadOnlyList<long> Of(string streamNamespace) => Received.TryGetValue(streamNamespace, out var list) ? list : [];
}

public interface IStreamProbeGrain : IGrainWithStringKey
{
    Task<ProbeSnapshot> GetSnapshotAsync();
}

/// <summary>
/// Test consumer, one per symbol, implicitly subscribed to every market data namespace. Records the feed sequence
/// of each event (<see cref="Trade.Sequence"/>, <see cref="Aggregate.Start"/>) and throws for a trade of negative
/// size, to play a consumer that fails.
/// </summary>
[ImplicitStreamSubscription(MarketDataStreams.Trades)]
[ImplicitStreamSubscription(MarketDataStreams.Quotes)]
[ImplicitStreamSubscription(MarketDataStreams.Aggregates)]
[ImplicitStreamSubscription(MarketDataStreams.Halts)]
[ImplicitStreamSubscription(MarketDataStreams.Other)]
public sealed class StreamProbeGrain : Grain, IStreamProbeGrain, IStreamSubscriptionObserver
{
    private readonly Dictionary<string, List<long>> _received = [];

    public async Task OnSubscribed(IStreamSubscriptionHandleFactory handleFactory)
    {
        var streamNamespace = handleFactory.StreamId.GetNamespace()!;
        var handle = handleFactory.Create<FeedEvent>();
        await handle.ResumeAsync((e, _) => OnEventAsync(streamNamespace, e));
    }

    private Task OnEventAsync(string streamNamespace, FeedEvent e)
    {
        if (e is Trade { Size: < 0 })
            throw new InvalidOperationException($"Poison trade {e.Symbol} for the consumer failure test.");
        if (!_received.TryGetValue(streamNamespace, out var list))
            _received[streamNamespace] = list = [];
        list.Add(e switch { Trade t => t.Sequence, Aggregate a => a.Start, _ => e.Timestamp });
        return Task.CompletedTask;
    }

    public Task<ProbeSnapshot> GetSnapshotAsync() =>
        Task.FromResult(new ProbeSnapshot(_received.ToDictionary(kv => kv.Key, kv => kv.Value.ToList())));
}
