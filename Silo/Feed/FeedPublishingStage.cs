using Microsoft.Extensions.Logging;
using Scanner.MarketData;
using Scanner.Silo.Feed.Parsing;

namespace Scanner.Silo.Feed;

/// <summary>
/// The second stage behind the socket, one for the listener's lifetime so that frames keep their order across
/// reconnects: parses each buffered frame, hands status messages to the connection they came from, groups events
/// per stream and publishes them. Publications are not awaited one by one: up to
/// <see cref="FeedOptions.MaxPublishesInFlight"/> may be outstanding, so broker round trips overlap. When that
/// window is full this stage waits, the frame buffer fills, and the reader sheds the oldest frames.
/// </summary>
public sealed partial class FeedPublishingStage(
    FrameParser parser,
    IStreamBatchPublisher publisher,
    FeedMetrics metrics,
    int maxInFlight,
    ILogger logger)
{
    private readonly SemaphoreSlim _window = new(maxInFlight, maxInFlight);
    private readonly FrameStreamGrouper _grouper = new();
    private readonly List<FeedEvent> _events = [];
    private readonly List<FeedStatus> _statuses = [];
    private readonly List<StreamBatch> _batches = [];
    private long _lastFailureLog;

    /// <summary>
    /// Reads frames until the buffer completes or the token fires; status messages go to <paramref name="onStatus"/>
    /// with the number of the connection whose frame carried them.
    /// </summary>
    public async Task RunAsync(FrameBuffer buffer, Action<int, FeedStatus> onStatus, CancellationToken cancellationToken)
    {
        var reader = buffer.Reader;
        while (await reader.WaitToReadAsync(cancellationToken))
        {
            while (reader.TryRead(out var frame))
            {
                try
                {
                    _events.Clear();
                    _statuses.Clear();
                    parser.Parse(frame.Span, _events, _statuses);
                }
                finally
                {
                    frame.Release();
                }

                foreach (var status in _statuses)
                {
                    onStatus(frame.Connection, status);
                }

                _batches.Clear();
                _grouper.Group(_events, _batches);
                foreach (var batch in _batches)
                {
                    await _window.WaitAsync(cancellationToken);
                    metrics.PublishStarted();
                    _ = PublishAsync(batch, frame.ReceivedTimestamp);
                }
            }
        }
    }

    private async Task PublishAsync(StreamBatch batch, long receivedTimestamp)
    {
        try
        {
            await publisher.PublishAsync(batch);
            metrics.PublishSucceeded(batch.Events.Length, receivedTimestamp);
        }
        catch (Exception ex)
        {
            metrics.PublishFailed(batch.Events.Length);
            // One line per few seconds is enough to tell an operator the broker is the problem; counters hold the rest.
            var now = Environment.TickCount64;
            var last = Interlocked.Read(ref _lastFailureLog);
            if (now - last > 5_000 && Interlocked.CompareExchange(ref _lastFailureLog, now, last) == last)
            {
                LogPublishFailed(logger, batch.Namespace, batch.Symbol, ex);
            }
        }
        finally
        {
            _window.Release();
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Publishing to stream {Namespace}/{Symbol} failed; events are counted as lost (further failures are only counted for a few seconds)")]
    private static partial void LogPublishFailed(ILogger logger, string @namespace, string symbol, Exception exception);
}
