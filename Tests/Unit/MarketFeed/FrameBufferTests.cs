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
        while (buffer.Reader.TryRead(out var frame))
        {
            kept.Add(frame.Span[0]);
            frame.Release();
        }
        Assert.Equal([3, 4, 5], kept);
    }

    [Fact]
    public async Task Completing_lets_the_reader_drain_what_is_left()
    {
        var buffer = new FrameBuffer(8, Timeout.InfiniteTimeSpan);
        buffer.Write(Frame(1));
        buffer.Complete();
        buffer.Write(Frame(2));

        var read = new List<byte>();
        await foreach (var frame in buffer.Reader.ReadAllAsync())
        {
            read.Add(frame.Span[0]);
            frame.Release();
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
}
