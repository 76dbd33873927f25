using System.Buffers;
using System.Diagnostics.Metrics;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Scanner.MarketData;
using Scanner.Silo.MarketFeed;
using Scanner.Silo.MarketFeed.Parsing;

namespace Scanner.Tests.Unit.MarketFeed;

public class MarketEventPublishingStageTests
{
    private sealed class RecordingPublisher(Func<StreamBatch, Task>? behaviour = null) : IStreamBatchPublisher
    {
        public List<StreamBatch> Batches { get; } = [];

        public Task PublishAsync(StreamBatch batch)
        {
            lock (Batches)
            {
                Batches.Add(batch);
            }
            return behaviour?.Invoke(batch) ?? Task.CompletedTask;
        }
    }

    private static MarketFeedMetrics Metrics() =>
        new(new ServiceCollection().AddMetrics().BuildServiceProvider().GetRequiredService<IMeterFactory>());

    private static ReceivedFrame Frame(string json, int connection)
    {
        var bytes = Encoding.UTF8.GetBytes(json);
        var buffer = ArrayPool<byte>.Shared.Rent(bytes.Length);
        bytes.CopyTo(buffer, 0);
        return new ReceivedFrame(buffer, bytes.Length, System.Diagnostics.Stopwatch.GetTimestamp(), connection);
    }

    private const string Trades =
        """[{"ev":"T","sym":"AAPL","p":1.5,"s":100,"t":1536036818784,"q":1},{"ev":"T","sym":"MSFT","p":2,"s":5,"t":1536036818784,"q":2},""" +
        """{"ev":"status","status":"success","message":"subscribed to: T.*"},{"ev":"T","sym":"AAPL","p":1.6,"s":50,"t":1536036818785,"q":3}]""";

    [Fact]
    public async Task Publishes_one_batch_per_stream_and_routes_statuses_with_their_connection()
    {
        var publisher = new RecordingPublisher();
        var metrics = Metrics();
        var parser = new FrameParser();
        var batching = new StreamBatchingPublisher(publisher, metrics, maxHeldEvents: 100, NullLogger.Instance);
        var stage = new MarketEventPublishingStage(parser, batching);
        var buffer = new FrameBuffer(16, Timeout.InfiniteTimeSpan);
        metrics.Attach(buffer, parser.Counters.Snapshot, batching);
        var statuses = new List<(int, MarketFeedStatus)>();

        buffer.Write(Frame(Trades, connection: 7));
        buffer.Write(Frame("not json", connection: 7));
        buffer.Complete();
        await stage.RunAsync(buffer, (c, s) => statuses.Add((c, s)), CancellationToken.None);
        await Polling.UntilAsync(() => metrics.Snapshot().PublishesInFlight == 0);

        Assert.Equal(2, publisher.Batches.Count);
        Assert.Equal(("trades", "AAPL", 2), (publisher.Batches[0].Namespace, publisher.Batches[0].Symbol, publisher.Batches[0].Events.Length));
        Assert.Equal(("trades", "MSFT", 1), (publisher.Batches[1].Namespace, publisher.Batches[1].Symbol, publisher.Batches[1].Events.Length));
        var (connection, status) = Assert.Single(statuses);
        Assert.Equal(7, connection);
        Assert.Equal("subscribed to: T.*", status.Message);

        var counters = metrics.Snapshot();
        Assert.Equal(3, counters.PublishedEvents);
        Assert.Equal(0, counters.PublishFailedEvents);
        Assert.Equal(1, counters.Parse.MalformedFrames);
    }

    [Fact]
    public async Task A_failed_publication_is_counted_and_does_not_stop_the_others()
    {
        var publisher = new RecordingPublisher(b => b.Symbol == "MSFT" ? Task.FromException(new InvalidOperationException("broker down")) : Task.CompletedTask);
        var metrics = Metrics();
        var stage = new MarketEventPublishingStage(new FrameParser(), new StreamBatchingPublisher(publisher, metrics, maxHeldEvents: 1, NullLogger.Instance));
        var buffer = new FrameBuffer(16, Timeout.InfiniteTimeSpan);
        buffer.Write(Frame(Trades, 1));
        buffer.Write(Frame(Trades, 1));
        buffer.Complete();

        await stage.RunAsync(buffer, (_, _) => { }, CancellationToken.None);
        await Polling.UntilAsync(() => metrics.Snapshot().PublishesInFlight == 0);

        var counters = metrics.Snapshot();
        Assert.Equal(4, counters.PublishedEvents);
        Assert.Equal(2, counters.PublishFailedEvents);
        Assert.Equal(4, publisher.Batches.Count);
    }

    [Fact]
    public async Task Holding_the_bound_of_events_pauses_the_stage_until_a_publication_completes()
    {
        var gate = new TaskCompletionSource();
        var publisher = new RecordingPublisher(_ => gate.Task);
        var stage = new MarketEventPublishingStage(new FrameParser(), new StreamBatchingPublisher(publisher, Metrics(), maxHeldEvents: 3, NullLogger.Instance));
        var buffer = new FrameBuffer(16, Timeout.InfiniteTimeSpan);
        buffer.Write(Frame(Trades, 1));
        buffer.Write(Frame(Trades, 1));
        buffer.Complete();

        // RunAsync runs on this thread up to its first real wait: when it hands the task back, the stage has either
        // parked waiting for room or (were it not bounded) taken the second frame and finished the completed buffer.
        var run = stage.RunAsync(buffer, (_, _) => { }, CancellationToken.None);
        await Polling.UntilAsync(() => publisher.Batches.Count == 2);
        Assert.Equal(2, publisher.Batches.Count);
        Assert.False(run.IsCompleted);
        Assert.Equal(1, buffer.Count);

        gate.SetResult();
        await run.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(0, buffer.Count);
    }
}
