using Orleans.Streams;
using Orleans.Streams.Core;
using Scanner.MarketData;

namespace Scanner.Benchmarks.Streaming;

public interface ICountingGrain : IGrainWithStringKey
{
    Task<long> GetCountAsync();
}

/// <summary>The load run's consumer: counts the trades of its symbol and records their publish-to-grain latency.</summary>
[ImplicitStreamSubscription(MarketDataStreams.Trades)]
public sealed class CountingGrain : Grain, ICountingGrain, IStreamSubscriptionObserver
{
    private long _count;

    public async Task OnSubscribed(IStreamSubscriptionHandleFactory handleFactory) =>
        await handleFactory.Create<FeedEvent>().ResumeAsync((e, _) =>
        {
            _count++;
            // The load run stamps RawTimestamp with the Stopwatch timestamp of the publish.
            LatencyRecorder.Record(e.RawTimestamp);
            return Task.CompletedTask;
        });

    public Task<long> GetCountAsync() => Task.FromResult(_count);
}
