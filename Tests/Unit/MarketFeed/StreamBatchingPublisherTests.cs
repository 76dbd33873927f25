using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Scanner.MarketData;
using Scanner.Silo.MarketFeed;

namespace Scanner.Tests.Unit.MarketFeed;

public class StreamBatchingPublisherTests
{
    /// <summary>Every publication waits until the test completes it.</summary>
    private sealed class GatedPublisher : IStreamBatchPublisher
    {
        public ConcurrentQueue<(StreamBatch Batch, TaskCompletionSource Done)> Outstanding { get; } = new();
        public List<StreamBatch> All { get; } = [];

        public Task PublishAsync(StreamBatch batch)
        {
            var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            lock (All)
            {
                All.Add(batch);
            }
            Outstanding.Enqueue((batch, done));
            return done.Task;
        }

        public StreamBatch CompleteNext(Exception? failure = null)
        {
            Assert.True(Outstanding.TryDequeue(out var next), "no publication outstanding");
            if (failure is null) next.Done.SetResult();
            else next.Done.SetException(failure);
            return next.Batch;
        }
    }

    private static MarketFeedMetrics Metrics() =>
        new(new ServiceCollection().AddMetrics().BuildServiceProvider().GetRequiredService<IMeterFactory>());

    private static Trade T(string symbol, long sequence) =>
        new(symbol, 1_700_000_000_000 + sequence, 1_700_000_000_000 + sequence, 4, new TradeId((ulong)sequence, null), 3, 10, 100, default, sequence, 0, 0);

    private static Aggregate Bar(string symbol, bool minute) =>
        new(symbol, 1_700_000_001_000, 1_700_000_001_000, minute, 100, 1_000, 10, 10, 10, 10, 10, 10, 10, 10, 1_700_000_000_000, 1_700_000_001_000, false, null, null);

    [Fact]
    public async Task Events_arriving_while_their_stream_is_published_go_out_together_next_in_order()
    {
        var publisher = new GatedPublisher();
        var metrics = Metrics();
        var batching = new StreamBatchingPublisher(publisher, metrics, maxHeldEvents: 1_000, NullLogger.Instance);

        batching.Add(T("AAPL", 1), 0, bytes: 100);
        batching.Flush();
        for (var i = 2; i <= 4; i++)
        {
            batching.Add(T("AAPL", i), 0, bytes: 100);
            batching.Flush();
        }
        batching.Add(T("MSFT", 5), 0, bytes: 100);
        batching.Flush();

        // AAPL has one publication outstanding and three events waiting; MSFT is not held back by it.
        Assert.Equal(2, publisher.Outstanding.Count);
        Assert.Equal(5, batching.HeldEvents);

        Assert.Equal([1L], publisher.CompleteNext().Events.Select(e => ((Trade)e).Sequence));
        await Polling.UntilAsync(() => publisher.Outstanding.Count == 2);
        Assert.Equal("MSFT", publisher.CompleteNext().Symbol);
        var second = publisher.CompleteNext();
        Assert.Equal("AAPL", second.Symbol);
        Assert.Equal([2L, 3, 4], second.Events.Select(e => ((Trade)e).Sequence));

        await Polling.UntilAsync(() => batching.HeldEvents == 0);
        Assert.Empty(publisher.Outstanding);
        Assert.Equal(5, metrics.Snapshot().PublishedEvents);
        Assert.Equal(0, metrics.Snapshot().PublishesInFlight);
    }

    [Fact]
    public async Task Second_and_minute_bars_share_their_stream_and_its_single_outstanding_publication()
    {
        var publisher = new GatedPublisher();
        var batching = new StreamBatchingPublisher(publisher, Metrics(), maxHeldEvents: 1_000, NullLogger.Instance);

        batching.Add(Bar("AAPL", minute: false), 0, bytes: 100);
        batching.Flush();
        batching.Add(Bar("AAPL", minute: true), 0, bytes: 100);
        batching.Flush();

        Assert.Single(publisher.Outstanding);
        publisher.CompleteNext();
        await Polling.UntilAsync(() => publisher.Outstanding.Count == 1);
        var next = publisher.CompleteNext();
        Assert.Equal((MarketDataStreams.Aggregates, MarketEventKind.MinuteAggregate), (next.Namespace, Assert.Single(next.Events).Kind));
    }

    [Fact]
    public async Task A_failed_publication_is_counted_and_the_stream_carries_on()
    {
        var publisher = new GatedPublisher();
        var metrics = Metrics();
        var batching = new StreamBatchingPublisher(publisher, metrics, maxHeldEvents: 1_000, NullLogger.Instance);

        batching.Add(T("AAPL", 1), 0, bytes: 100);
        batching.Add(T("AAPL", 2), 0, bytes: 100);
        batching.Flush();
        batching.Add(T("AAPL", 3), 0, bytes: 100);
        batching.Flush();
        publisher.CompleteNext(new InvalidOperationException("broker down"));
        await Polling.UntilAsync(() => publisher.Outstanding.Count == 1);
        publisher.CompleteNext();

        await Polling.UntilAsync(() => batching.HeldEvents == 0);
        var counters = metrics.Snapshot();
        Assert.Equal((1, 2), (counters.PublishedEvents, counters.PublishFailedEvents));
    }

    [Fact]
    public async Task Waiting_for_room_holds_until_enough_events_are_released()
    {
        var publisher = new GatedPublisher();
        var batching = new StreamBatchingPublisher(publisher, Metrics(), maxHeldEvents: 2, NullLogger.Instance);
        batching.Add(T("AAPL", 1), 0, bytes: 100);
        batching.Add(T("MSFT", 2), 0, bytes: 100);
        batching.Flush();

        // Only a completed publication releases room, and the gated publisher completes none until told to: a wait
        // that is not pending now never would be.
        var wait = batching.WaitForRoomAsync(CancellationToken.None).AsTask();
        Assert.False(wait.IsCompleted);

        publisher.CompleteNext();
        await wait.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(1, batching.HeldEvents);
    }

    [Fact]
    public async Task A_few_large_events_hold_the_stage_by_their_bytes_and_release_it_once_published()
    {
        var publisher = new GatedPublisher();
        var batching = new StreamBatchingPublisher(publisher, Metrics(), maxHeldEvents: 1_000, NullLogger.Instance, maxHeldBytes: 1_000_000);
        batching.Add(T("AAPL", 1), 0, bytes: 600_000);
        Assert.True(batching.WaitForRoomAsync(CancellationToken.None).IsCompleted);
        batching.Add(T("MSFT", 2), 0, bytes: 600_000);
        batching.Flush();

        // Two events, far below the count bound, but over the byte bound: the stage waits.
        Assert.Equal(1_200_000, batching.HeldBytes);
        var wait = batching.WaitForRoomAsync(CancellationToken.None).AsTask();
        Assert.False(wait.IsCompleted);

        publisher.CompleteNext();
        await wait.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(600_000, batching.HeldBytes);
        publisher.CompleteNext(new InvalidOperationException("broker down"));
        await Polling.UntilAsync(() => batching.HeldBytes == 0);
    }
}
