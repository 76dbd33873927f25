using Microsoft.Extensions.Logging;
using Scanner.MarketData;

namespace Scanner.Silo.MarketFeed;

/// <summary>
/// Natural batching per stream: each stream (data kind + symbol) has at most one publication outstanding; the events
/// that arrive for it meanwhile wait and go out together as its next batch the moment that publication completes.
/// Idle, an event goes out at once (one round trip of latency); under load, batches grow with the load, so a hot
/// symbol costs one stream publication per round trip instead of one per event and per frame, while the order of
/// each stream's events is kept. <see cref="WaitForRoomAsync"/> bounds the events held (waiting or outstanding), by
/// count and by bytes: the peer decides how large an event is, so 200,000 events of long symbols or condition lists
/// could hold gigabytes. An event's bytes are its share of the frame it was parsed from (what the peer sent for it).
/// <see cref="Add"/> and <see cref="Flush"/> belong to one caller (the publishing stage); completions run anywhere.
/// </summary>
public sealed partial class StreamBatchingPublisher(
    IStreamBatchPublisher publisher, MarketFeedMetrics metrics, int maxHeldEvents, ILogger logger, long maxHeldBytes = long.MaxValue)
{
    private sealed class PendingStream(string @namespace, string symbol)
    {
        public readonly string Namespace = @namespace;
        public readonly string Symbol = symbol;
        public readonly List<MarketEvent> Waiting = [];
        public long OldestReceivedTimestamp;
        public long WaitingBytes;
        public bool InFlight;
        public bool Ready;
    }

    private readonly Dictionary<string, Dictionary<string, PendingStream>> _streams =
        MarketDataStreams.All.ToDictionary(ns => ns, _ => new Dictionary<string, PendingStream>(StringComparer.Ordinal));
    private readonly List<PendingStream> _ready = [];
    private long _held;
    private long _heldBytes;
    private TaskCompletionSource? _roomWaiter;
    private long _lastFailureLog;

    /// <summary>Events taken in and not yet published or failed.</summary>
    public long HeldEvents => Interlocked.Read(ref _held);

    /// <summary>Bytes of the events held (their frames' share).</summary>
    public long HeldBytes => Interlocked.Read(ref _heldBytes);

    /// <summary>Queues <paramref name="e"/> on its stream; it goes out on the next <see cref="Flush"/> or completion.</summary>
    public void Add(MarketEvent e, long receivedTimestamp, long bytes)
    {
        var ns = MarketDataStreams.NamespaceOf(e.Kind);
        var streams = _streams[ns];
        if (!streams.TryGetValue(e.Symbol, out var stream))
        {
            stream = new PendingStream(ns, e.Symbol);
            streams.Add(e.Symbol, stream);
        }
        Interlocked.Increment(ref _held);
        Interlocked.Add(ref _heldBytes, bytes);
        lock (stream)
        {
            if (stream.Waiting.Count == 0)
            {
                stream.OldestReceivedTimestamp = receivedTimestamp;
            }
            stream.Waiting.Add(e);
            stream.WaitingBytes += bytes;
            if (stream.InFlight || stream.Ready)
            {
                return;
            }
            stream.Ready = true;
        }
        _ready.Add(stream);
    }

    /// <summary>Starts a publication for every stream that got events and has none outstanding.</summary>
    public void Flush()
    {
        foreach (var stream in _ready)
        {
            StreamBatch batch;
            long received, bytes;
            lock (stream)
            {
                stream.Ready = false;
                if (stream.InFlight || stream.Waiting.Count == 0)
                {
                    continue;
                }
                (batch, received, bytes) = TakeWaiting(stream);
            }
            _ = PublishAsync(stream, batch, received, bytes);
        }
        _ready.Clear();
    }

    /// <summary>Completes when fewer than the bound of events, and fewer bytes than the bound, are held.</summary>
    public async ValueTask WaitForRoomAsync(CancellationToken cancellationToken)
    {
        while (!HasRoom())
        {
            var waiter = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            Volatile.Write(ref _roomWaiter, waiter);
            if (HasRoom())
            {
                return;
            }
            await waiter.Task.WaitAsync(cancellationToken);
        }
    }

    /// <summary>The stage may take another frame: below both bounds (the frame it then takes may go over them).</summary>
    private bool HasRoom() => Interlocked.Read(ref _held) < maxHeldEvents && Interlocked.Read(ref _heldBytes) < maxHeldBytes;

    /// <summary>Must hold the stream's lock: takes its waiting events as the next batch, marking it outstanding.</summary>
    private static (StreamBatch Batch, long OldestReceived, long Bytes) TakeWaiting(PendingStream stream)
    {
        var batch = new StreamBatch(stream.Namespace, stream.Symbol, [.. stream.Waiting]);
        var bytes = stream.WaitingBytes;
        stream.Waiting.Clear();
        stream.WaitingBytes = 0;
        stream.InFlight = true;
        return (batch, stream.OldestReceivedTimestamp, bytes);
    }

    private async Task PublishAsync(PendingStream stream, StreamBatch batch, long receivedTimestamp, long bytes)
    {
        while (true)
        {
            metrics.PublishStarted();
            try
            {
                await publisher.PublishAsync(batch);
                metrics.PublishSucceeded(batch.Events.Length, receivedTimestamp);
            }
            catch (Exception ex)
            {
                metrics.PublishFailed(batch.Events.Length);
                LogFailure(batch, ex);
            }
            Released(batch.Events.Length, bytes);

            lock (stream)
            {
                if (stream.Waiting.Count == 0)
                {
                    stream.InFlight = false;
                    return;
                }
                (batch, receivedTimestamp, bytes) = TakeWaiting(stream);
            }
        }
    }

    private void Released(int events, long bytes)
    {
        Interlocked.Add(ref _heldBytes, -bytes);
        Interlocked.Add(ref _held, -events);
        if (HasRoom() && Volatile.Read(ref _roomWaiter) is { } waiter)
        {
            waiter.TrySetResult();
        }
    }

    private void LogFailure(StreamBatch batch, Exception ex)
    {
        // One line per few seconds is enough to tell an operator the broker is the problem; counters hold the rest.
        var now = Environment.TickCount64;
        var last = Interlocked.Read(ref _lastFailureLog);
        if (now - last > 5_000 && Interlocked.CompareExchange(ref _lastFailureLog, now, last) == last)
        {
            LogPublishFailed(logger, batch.Namespace, batch.Symbol, ex);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Publishing to stream {Namespace}/{Symbol} failed; events are counted as lost (further failures are only counted for a few seconds)")]
    private static partial void LogPublishFailed(ILogger logger, string @namespace, string symbol, Exception exception);
}
