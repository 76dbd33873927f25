using System.Threading.Channels;

namespace Scanner.Silo.Feed;

/// <summary>
/// The bounded hand-off between the socket reader and the publishing stage. Writing never waits: when the buffer
/// is full the OLDEST frame is shed and counted, because reading speed is what keeps the upstream connection
/// alive and stale market data is worth less than fresh.
/// </summary>
public sealed class FrameBuffer
{
    private readonly Channel<ReceivedFrame> _channel;
    private long _dropped;

    public FrameBuffer(int capacity)
    {
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
