using System.Buffers;
using Scanner.Silo.MarketFeed;

namespace Scanner.Tests.Unit.MarketFeed;

public class FrameBufferTests
{
    private static ReceivedFrame Frame(byte marker)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(4);
        buffer[0] = marker;
        return new ReceivedFrame(buffer, 1, marker);
    }

    [Fact]
    public void A_full_buffer_sheds_the_oldest_frames_and_counts_them()
    {
        var buffer = new FrameBuffer(3, Timeout.InfiniteTimeSpan);
        for (byte i = 1; i <= 5; i++)
        {
            buffer.Write(Frame(i));
        }

        Assert.Equal(2, buffer.Dropped);
        Assert.Equal(3, buffer.Count);
        var kept = new List<byte>();
        while (buffer.TryTake(out var frame))
        {
            kept.Add(frame.Span[0]);
            frame.Release();
        }
        Assert.Equal([3, 4, 5], kept);
    }

    private static ReceivedFrame FrameOf(int bytes, byte marker)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(bytes);
        buffer[0] = marker;
        return new ReceivedFrame(buffer, bytes, 0);
    }

    [Fact]
    public void Large_frames_are_shed_by_bytes_long_before_the_frame_count_is_reached()
    {
        const int Megabyte = 1024 * 1024;
        var buffer = new FrameBuffer(8192, Timeout.InfiniteTimeSpan, maxBytes: 4 * Megabyte);
        for (byte i = 1; i <= 10; i++)
        {
            buffer.Write(FrameOf(Megabyte, i)); // the pool rents exactly 1 MiB for it
        }

        Assert.Equal(4, buffer.Count);
        Assert.Equal(4 * Megabyte, buffer.Bytes);
        Assert.Equal(6, buffer.Dropped);
        var kept = new List<byte>();
        while (buffer.TryTake(out var frame))
        {
            kept.Add(frame.Span[0]);
            frame.Release();
        }
        Assert.Equal([7, 8, 9, 10], kept);
        Assert.Equal(0, buffer.Bytes);
    }

    [Fact]
    public void A_single_frame_over_the_byte_bound_still_passes_alone()
    {
        var buffer = new FrameBuffer(8, Timeout.InfiniteTimeSpan, maxBytes: 1024);
        buffer.Write(FrameOf(100, 1));
        buffer.Write(FrameOf(4096, 2));

        Assert.Equal(1, buffer.Dropped);
        Assert.True(buffer.TryTake(out var frame));
        Assert.Equal(2, frame.Span[0]);
        frame.Release();
    }

    [Fact]
    public async Task Completing_lets_the_reader_drain_what_is_left()
    {
        var buffer = new FrameBuffer(8, Timeout.InfiniteTimeSpan);
        buffer.Write(Frame(1));
        buffer.Complete();
        buffer.Write(Frame(2));

        var read = new List<byte>();
        while (await buffer.WaitToReadAsync(CancellationToken.None))
        {
            while (buffer.TryTake(out var frame))
            {
                read.Add(frame.Span[0]);
                frame.Release();
            }
        }
        Assert.Equal([1], read);
        Assert.Equal(0, buffer.Dropped);
    }

    [Fact]
    public void Frames_older_than_the_maximum_age_are_skipped_and_counted()
    {
        var buffer = new FrameBuffer(8, TimeSpan.FromSeconds(5));
        var now = System.Diagnostics.Stopwatch.GetTimestamp();
        long SecondsAgo(double seconds) => now - (long)(seconds * System.Diagnostics.Stopwatch.Frequency);
        foreach (var (marker, age) in new (byte, double)[] { (1, 60), (2, 6), (3, 1), (4, 0) })
        {
            var bytes = ArrayPool<byte>.Shared.Rent(4);
            bytes[0] = marker;
            buffer.Write(new ReceivedFrame(bytes, 1, SecondsAgo(age)));
        }

        var taken = new List<byte>();
        while (buffer.TryTake(out var frame))
        {
            taken.Add(frame.Span[0]);
            frame.Release();
        }

        Assert.Equal([3, 4], taken);
        Assert.Equal(2, buffer.Expired);
        Assert.Equal(0, buffer.Dropped);
    }

    [Fact]
    public void The_lag_is_how_long_the_oldest_waiting_frame_has_waited()
    {
        var buffer = new FrameBuffer(8, Timeout.InfiniteTimeSpan);
        Assert.Equal(TimeSpan.Zero, buffer.OldestWait);
        var now = System.Diagnostics.Stopwatch.GetTimestamp();
        foreach (var seconds in new[] { 30, 2 })
        {
            buffer.Write(new ReceivedFrame(ArrayPool<byte>.Shared.Rent(4), 1, now - seconds * System.Diagnostics.Stopwatch.Frequency));
        }

        Assert.InRange(buffer.OldestWait, TimeSpan.FromSeconds(30), TimeSpan.FromHours(1));
        Assert.True(buffer.TryTake(out var taken));
        taken.Release();
        Assert.InRange(buffer.OldestWait, TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(30));
        Assert.True(buffer.TryTake(out taken));
        taken.Release();
        Assert.Equal(TimeSpan.Zero, buffer.OldestWait);
    }
}
