using System.Threading.Channels;

namespace Scanner.Silo.MarketFeed;

/// <summary>
/// The bounded hand-off between the socket reader and the publishing stage. Writing never waits: when the buffer
/// is full the OLDEST frame is shed and counted, because reading speed is what keeps the upstream connection
/// alive and stale market data is worth less than fresh. For the same reason <see cref="TryTake"/> skips (and
/// counts) frames that waited longer than the maximum age: a backlog never turns into minutes-old prices. The
/// buffer is bounded by bytes as well as by frames, because the peer decides how large a frame is: 8,192 frames of
/// 1.4 MB took the silo to 2.2 GB. Bytes are the rented buffers' sizes, what the frames really hold.
/// </summary>
public sealed class FrameBuffer
{
    private readonly Channel<ReceivedFrame> _channel;
    private readonly long _maxAgeTicks;
    private readonly long _maxBytes;
    private long _bytes;
    private long _dropped;
    private long _expired;

    /// <param name="maxAge">How long a frame may wait; zero (or <see cref="Timeout.InfiniteTimeSpan"/>) for no limit.</param>
    /// <param name="maxBytes">Bytes the waiting frames may hold; beyond it the oldest are shed (one frame alone always fits).</param>
    public FrameBuffer(int capacity, TimeSpan maxAge, long maxBytes = long.MaxValue)
    {
        _maxBytes = maxBytes;
        _maxAgeTicks = maxAge <= TimeSpan.Zero ? long.MaxValue : (long)(maxAge.TotalSeconds * System.Diagnostics.Stopwatch.Frequency);
        _channel = Channel.CreateBounded<ReceivedFrame>(
            new BoundedChannelOptions(capacity)
            {
                FullMode = BoundedChannelFullMode.DropOldest,
                SingleReader = false, // the writer takes the oldest frames out when the bytes are over
                SingleWriter = true,
            },
            OnDropped);
    }

    /// <summary>Frames shed because the publishing stage fell behind.</summary>
    public long Dropped => Interlocked.Read(ref _dropped);

    /// <summary>Frames skipped because they waited longer than the maximum age.</summary>
    public long Expired => Interlocked.Read(ref _expired);

    public int Count => _channel.Reader.Count;

    /// <summary>Bytes the waiting frames hold.</summary>
    public long Bytes => Interlocked.Read(ref _bytes);

    /// <summary>How long the oldest waiting frame has waited (zero when none waits): how far publishing is behind the socket.</summary>
    public TimeSpan OldestWait =>
        _channel.Reader.TryPeek(out var oldest) ? System.Diagnostics.Stopwatch.GetElapsedTime(oldest.ReceivedTimestamp) : TimeSpan.Zero;

    /// <summary>Never blocks; a full buffer (frames or bytes) drops its oldest frames instead.</summary>
    public void Write(ReceivedFrame frame)
    {
        var size = frame.Buffer.Length;
        while (Bytes + size > _maxBytes && _channel.Reader.TryRead(out var oldest))
        {
            OnDropped(oldest);
        }
        Interlocked.Add(ref _bytes, size);
        if (!_channel.Writer.TryWrite(frame))
        {
            // Only after Complete(): the frame has nowhere to go.
            Interlocked.Add(ref _bytes, -size);
            frame.Release();
        }
    }

    /// <summary>Waits until a frame can be taken; false once the buffer completed and is empty.</summary>
    public ValueTask<bool> WaitToReadAsync(CancellationToken cancellationToken) => _channel.Reader.WaitToReadAsync(cancellationToken);

    /// <summary>Takes the oldest frame that is not older than the maximum age; older ones are released and counted.</summary>
    public bool TryTake(out ReceivedFrame frame)
    {
        while (_channel.Reader.TryRead(out frame))
        {
            Interlocked.Add(ref _bytes, -frame.Buffer.Length);
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
            Interlocked.Add(ref _bytes, -frame.Buffer.Length);
            frame.Release();
        }
    }

    private void OnDropped(ReceivedFrame frame)
    {
        Interlocked.Add(ref _bytes, -frame.Buffer.Length);
        Interlocked.Increment(ref _dropped);
        frame.Release();
    }
}
