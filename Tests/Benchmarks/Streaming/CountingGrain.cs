using Orleans.Streams;
using Orleans.Streams.Core;
using Scanner.MarketData;

namespace Scanner.Benchmarks.Streaming;

public interface ICountingGrain : IGrainWithStringKey
{
    Task<long> GetCountAsync();
}

/// <summary>
/// The load runs' consumer of every data kind: counts its symbol's events and records their latency
/// (<see cref="LatencyRecorder"/>). A batch observer, as the ticker grain is, so it takes whole container batches.
/// </summary>
[ImplicitStreamSubscription(MarketDataStreams.Trades)]
[ImplicitStreamSubscription(MarketDataStreams.Quotes)]
[ImplicitStreamSubscription(MarketDataStreams.Aggregates)]
[ImplicitStreamSubscription(MarketDataStreams.Halts)]
[ImplicitStreamSubscription(MarketDataStreams.Other)]
public sealed class CountingGrain : Grain, ICountingGrain, IStreamSubscriptionObserver, IAsyncBatchObserver<MarketEvent>
{
    private long _count;

    public async Task OnSubscribed(IStreamSubscriptionHandleFactory handleFactory) =>
        await handleFactory.Create<MarketEvent>().ResumeAsync(this);

    public Task OnNextAsync(IList<SequentialItem<MarketEvent>> items)
    {
        _count += items.Count;
        foreach (var item in items)
        {
            LatencyRecorder.Record(item.Item);
        }
        return Task.CompletedTask;
    }

    public Task OnErrorAsync(Exception ex) => Task.CompletedTask;

    public Task<long> GetCountAsync() => Task.FromResult(_count);
}
