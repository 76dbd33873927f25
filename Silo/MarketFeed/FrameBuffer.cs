using System.Threading.Channels;

namespace Scanner.Silo.MarketFeed;

/// <summary>
/// The bounded hand-off between the socket reader and the publishing stage. Writing never waits: when the buffer
/// is full the OLDEST frame is shed and counted, because reading speed is what keeps the upstream connection
/// alive and stale market data is worth less than fresh. For the same reason <see cref="TryTake"/> skips (and
/// counts) frames that waited longer than the maximum age: a backlog never turns into minutes-old prices.
/// </summary>
public sealed class FrameBuffer
{
    private readonly Channel<ReceivedFrame> _channel;
    private readonly long _maxAgeTicks;
    private long _dropped;
    private long _expired;

    /// <param name="maxAge">How long a frame may wait; zero (or <see cref="Timeout.InfiniteTimeSpan"/>) for no limit.</param>
    public FrameBuffer(int capacity, TimeSpan maxAge)
    {
        _maxAgeTicks = maxAge <= TimeSpan.Zero ? long.MaxValue : (long)(maxAge.TotalSeconds * System.Diagnostics.Stopwatch.Frequency);
        _channel = Channel.CreateBounded<ReceivedFrame>(
            new BoundedChannelOptions(capacity)
            {
                FullMode = BoundedChannelFullMode.DropOldest,
                SingleReader = true,
                SingleWriter = true,
            },
            OnDropped);
    }

    /// <summary>Frames shed because the publishing stage fell behind.</summary>
    public long Dropped => Interlocked.Read(ref _dropped);

    /// <summary>Frames skipped because they waited longer than the maximum age.</summary>
    public long Expired => Interlocked.Read(ref _expired);

    public int Count => _channel.Reader.Count;

    /// <summary>Never blocks; a full buffer drops its oldest frame instead.</summary>
    public void Write(ReceivedFrame frame)
    {
        if (!_channel.Writer.TryWrite(frame))
        {
            // Only after Complete(): the frame has nowhere to go.
            frame.Release();
        }
    }

    public ChannelReader<ReceivedFrame> Reader => _channel.Reader;

    /// <summary>Takes the oldest frame that is not older than the maximum age; older ones are released and counted.</summary>
    public bool TryTake(out ReceivedFrame frame)
    {
        while (_channel.Reader.TryRead(out frame))
        {
            if (System.Diagnostics.Stopwatch.GetTimestamp() - frame.ReceivedTimestamp <= _maxAgeTicks)
            {
                return true;
            }
            Interlocked.Increment(ref _expired);
            frame.Release();
        }
        return false;
    }

    /// <summary>No more frames will come (the connection ended); the reader drains what is left.</summary>
    public void Complete() => _channel.Writer.TryComplete();

    /// <summary>Releases frames nobody will read (after the reader stopped).</summary>
    public void Discard()
    {
        while (_channel.Reader.TryRead(out var frame))
        {
            frame.Release();
        }
    }

    private void OnDropped(ReceivedFrame frame)
    {
        Interlocked.Increment(ref _dropped);
        frame.Release();
    }
}
