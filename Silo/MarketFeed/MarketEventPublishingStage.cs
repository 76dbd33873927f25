using Scanner.MarketData;
using Scanner.Silo.MarketFeed.Parsing;

namespace Scanner.Silo.MarketFeed;

/// <summary>
/// The second stage behind the socket, one for the listener's lifetime so that frames keep their order across
/// reconnects: parses each buffered frame, hands status messages to the connection they came from, and gives the
/// events to a <see cref="StreamBatchingPublisher"/>, which batches them per stream across frames. When that
/// publisher holds its bound of events or bytes this stage waits, the frame buffer fills, and the reader sheds the oldest
/// frames.
/// </summary>
public sealed class MarketEventPublishingStage(FrameParser parser, StreamBatchingPublisher publisher)
{
    private readonly List<MarketEvent> _events = [];
    private readonly List<MarketFeedStatus> _statuses = [];

    /// <summary>
    /// Reads frames until the buffer completes or the token fires; status messages go to <paramref name="onStatus"/>
    /// with the number of the connection whose frame carried them.
    /// </summary>
    public async Task RunAsync(FrameBuffer buffer, Action<int, MarketFeedStatus> onStatus, CancellationToken cancellationToken)
    {
        while (true)
        {
            // Wait before taking a frame: while publishing is behind, frames stay in the buffer, where the reader
            // can shed the oldest.
            await publisher.WaitForRoomAsync(cancellationToken);
            if (!buffer.TryTake(out var frame))
            {
                if (!await buffer.WaitToReadAsync(cancellationToken))
                {
                    return;
                }
                continue;
            }
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
            // Each event holds its share of the frame's bytes (the first one the remainder), so the shares add up.
            var share = _events.Count == 0 ? 0 : frame.Length / _events.Count;
            for (var i = 0; i < _events.Count; i++)
            {
                publisher.Add(_events[i], frame.ReceivedTimestamp, i == 0 ? frame.Length - share * (_events.Count - 1) : share);
            }
            publisher.Flush();
        }
    }
}
