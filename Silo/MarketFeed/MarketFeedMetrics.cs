using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Scanner.Silo.MarketFeed;

/// <summary>
/// The listener's counters: exported through System.Diagnostics.Metrics (meter <c>Scanner.Feed</c>) and readable
/// as a snapshot for the health endpoint. One instance per silo, shared by every connection it makes.
/// </summary>
public sealed class MarketFeedMetrics : IDisposable
{
    public const string MeterName = "Scanner.Feed";

    private readonly Meter _meter;
    private readonly Counter<long> _publishedEvents;
    private readonly Counter<long> _publishFailedEvents;
    private readonly Histogram<double> _publishLatency;
    private readonly LatencyWindow _latencies = new(2048);
    private long _published;
    private long _publishFailed;
    private long _inFlight;
    private long _skippedMessages;
    private Func<long> _bufferDepth = static () => 0;
    private Func<TimeSpan> _lag = static () => TimeSpan.Zero;
    private Func<long> _droppedFrames = static () => 0;
    private Func<long> _heldEvents = static () => 0;
    private Func<long> _heldBytes = static () => 0;
    private Func<long> _expiredFrames = static () => 0;
    private Func<Parsing.ParseCountersSnapshot> _parse = Parsing.ParseCountersSnapshot.Empty;

    public MarketFeedMetrics(IMeterFactory meterFactory)
    {
        _meter = meterFactory.Create(MeterName);
        _publishedEvents = _meter.CreateCounter<long>("scanner.feed.published", "{event}", "Events handed to the stream providers and accepted.");
        _publishFailedEvents = _meter.CreateCounter<long>("scanner.feed.publish_failed", "{event}", "Events whose publication failed (broker down or refused); they are lost.");
        _publishLatency = _meter.CreateHistogram<double>("scanner.feed.publish_latency", "ms", "From frame received to stream publication accepted.");
        _meter.CreateObservableCounter("scanner.feed.frames", () => _parse().Frames, "{frame}", "Frames parsed.");
        _meter.CreateObservableCounter("scanner.feed.events", () => _parse().Events, "{event}", "Events parsed.");
        _meter.CreateObservableCounter("scanner.feed.malformed", () => MalformedItems, "{item}", "Frames and events skipped as malformed, unknown or without symbol.");
        _meter.CreateObservableCounter("scanner.feed.skipped_messages", () => SkippedMessages, "{message}", "Socket messages skipped unread: binary, or larger than Feed:MaxFrameBytes.");
        _meter.CreateObservableCounter("scanner.feed.dropped_frames", () => DroppedFrames, "{frame}", "Frames shed because publishing fell behind the socket.");
        _meter.CreateObservableCounter("scanner.feed.expired_frames", () => _expiredFrames(), "{frame}", "Frames skipped because they waited longer than Feed:MaxFrameAge.");
        _meter.CreateObservableGauge("scanner.feed.buffer_depth", () => _bufferDepth(), "{frame}", "Frames waiting between reader and publisher.");
        _meter.CreateObservableGauge("scanner.feed.lag", () => _lag().TotalSeconds, "s", "How long the oldest frame waiting for the publisher has waited: how far publishing is behind the socket.");
        _meter.CreateObservableGauge("scanner.feed.publish_in_flight", () => Interlocked.Read(ref _inFlight), "{batch}", "Stream publications not yet confirmed.");
        _meter.CreateObservableGauge("scanner.feed.held_events", () => _heldEvents(), "{event}", "Events parsed and not yet accepted by the stream providers.");
        _meter.CreateObservableGauge("scanner.feed.held_bytes", () => _heldBytes(), "By", "Bytes of the held events (their frames' share), bounded by Feed:MaxHeldBytes.");
    }

    public long DroppedFrames => _droppedFrames();

    public long ExpiredFrames => _expiredFrames();

    public long PublishFailedEvents => Interlocked.Read(ref _publishFailed);

    /// <summary>Points the observable instruments at the listener's buffer, parser and batching publisher.</summary>
    public void Attach(FrameBuffer buffer, Func<Parsing.ParseCountersSnapshot> parse, StreamBatchingPublisher publisher)
    {
        _bufferDepth = () => buffer.Count;
        _lag = () => buffer.OldestWait;
        _droppedFrames = () => buffer.Dropped;
        _expiredFrames = () => buffer.Expired;
        _parse = parse;
        _heldEvents = () => publisher.HeldEvents;
        _heldBytes = () => publisher.HeldBytes;
    }

    /// <summary>Socket messages skipped unread: binary, or larger than <c>Feed:MaxFrameBytes</c>.</summary>
    public long SkippedMessages => Interlocked.Read(ref _skippedMessages);

    /// <summary>Frames and events the parser skipped as malformed, of an unknown type or without a symbol.</summary>
    public long MalformedItems => _parse() is var parse ? parse.MalformedFrames + parse.SkippedEvents : 0;

    public void CountSkippedMessage() => Interlocked.Increment(ref _skippedMessages);

    public void PublishStarted() => Interlocked.Increment(ref _inFlight);

    public void PublishSucceeded(int events, long receivedTimestamp)
    {
        Interlocked.Decrement(ref _inFlight);
        Interlocked.Add(ref _published, events);
        _publishedEvents.Add(events);
        var ms = Stopwatch.GetElapsedTime(receivedTimestamp).TotalMilliseconds;
        _publishLatency.Record(ms);
        _latencies.Add(ms);
    }

    public void PublishFailed(int events)
    {
        Interlocked.Decrement(ref _inFlight);
        Interlocked.Add(ref _publishFailed, events);
        _publishFailedEvents.Add(events);
    }

    public FeedCountersSnapshot Snapshot()
    {
        var parse = _parse();
        var (p50, p99) = _latencies.Percentiles();
        return new FeedCountersSnapshot(
            parse, DroppedFrames, _expiredFrames(), SkippedMessages, Interlocked.Read(ref _published),
            Interlocked.Read(ref _publishFailed), Interlocked.Read(ref _inFlight), _heldEvents(), _heldBytes(), _bufferDepth(), _lag().TotalMilliseconds, p50, p99);
    }

    public void Dispose() => _meter.Dispose();
}

/// <summary>The listener's counters at one instant.</summary>
public sealed record FeedCountersSnapshot(
    Parsing.ParseCountersSnapshot Parse,
    long DroppedFrames,
    long ExpiredFrames,
    long SkippedMessages,
    long PublishedEvents,
    long PublishFailedEvents,
    long PublishesInFlight,
    long HeldEvents,
    long HeldBytes,
    long BufferDepth,
    double LagMs,
    double PublishLatencyP50Ms,
    double PublishLatencyP99Ms);
