using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using Scanner.ScannerFeeds;
using Scanner.Gateway.FanOut;
using Scanner.Gateway.Hosting;

namespace Scanner.Tests.Unit.Gateway.FanOut;

public class ClientSendQueueTests
{
    private static ScannerFeedMessage Message(string feed, long version) =>
        new(new ScannerFeedUpdate(feed, Encoding.UTF8.GetBytes($"{{\"v\":{version}}}"), version, 0));

    private static ClientSendQueue Queue(int feeds, int replies, bool raw, int bytes = 1 << 20) =>
        new(new GatewayOptions { SendQueueFeeds = feeds, SendQueueReplies = replies, SendQueueBytes = bytes }, raw);

    private static ScannerFeedMessage Sized(string feed, long version, int bytes) =>
        new(new ScannerFeedUpdate(feed, Encoding.UTF8.GetBytes(JsonSerializer.Serialize(new string('x', bytes - 2))), version, 0));

    private static List<string> Drain(ClientSendQueue queue)
    {
        var sent = new List<string>();
        while (queue.TryDequeue(out var frame))
        {
            sent.Add(Encoding.UTF8.GetString(frame.Span));
        }
        return sent;
    }

    [Fact]
    public void Coalesces_to_the_newest_value_per_feed_and_counts_the_dropped()
    {
        var queue = Queue(16, 16, raw: true);
        Assert.Equal(EnqueueResult.Queued, queue.EnqueueFeed(Message("a", 1)));
        Assert.Equal(EnqueueResult.Queued, queue.EnqueueFeed(Message("b", 1)));
        Assert.Equal(EnqueueResult.Replaced, queue.EnqueueFeed(Message("a", 2)));
        Assert.Equal(EnqueueResult.Replaced, queue.EnqueueFeed(Message("a", 3)));
        Assert.Equal(["""{"v":3}""", """{"v":1}"""], Drain(queue));
        Assert.Equal(2, queue.Dropped);
    }

    [Fact]
    public void Never_goes_backwards_even_after_sending()
    {
        var queue = Queue(16, 16, raw: true);
        queue.EnqueueFeed(Message("a", 5));
        Drain(queue);
        Assert.Equal(EnqueueResult.Stale, queue.EnqueueFeed(Message("a", 4)));
        Assert.Equal(EnqueueResult.Stale, queue.EnqueueFeed(Message("a", 5)));
        Assert.Empty(Drain(queue));
        queue.Forget("a");
        Assert.Equal(EnqueueResult.Queued, queue.EnqueueFeed(Message("a", 4)));
    }

    [Fact]
    public void Replies_go_first_in_order_and_feeds_keep_first_pending_order()
    {
        var queue = Queue(16, 16, raw: true);
        queue.EnqueueFeed(Message("a", 1));
        queue.EnqueueFeed(Message("b", 1));
        queue.EnqueueReply("r1"u8.ToArray());
        queue.EnqueueReply("r2"u8.ToArray());
        queue.EnqueueFeed(Message("a", 2));
        Assert.Equal(["r1", "r2", """{"v":2}""", """{"v":1}"""], Drain(queue));
    }

    [Fact]
    public void Envelope_form_is_the_default()
    {
        var queue = Queue(16, 16, raw: false);
        queue.EnqueueFeed(Message("quote:A", 1));
        Assert.StartsWith("""{"feed":"quote:A","data":{"v":1}""", Assert.Single(Drain(queue)));
    }

    [Fact]
    public void Reports_overflow_beyond_its_bounds()
    {
        var queue = Queue(2, 1, raw: true);
        queue.EnqueueFeed(Message("a", 1));
        queue.EnqueueFeed(Message("b", 1));
        Assert.Equal(EnqueueResult.Overflow, queue.EnqueueFeed(Message("c", 1)));
        Assert.Equal(EnqueueResult.Replaced, queue.EnqueueFeed(Message("a", 2)));
        Assert.True(queue.EnqueueReply([1]));
        Assert.False(queue.EnqueueReply([2]));
    }

    [Fact]
    public void Reports_overflow_beyond_its_byte_bound_for_updates_and_replies_alike()
    {
        var queue = Queue(16, 16, raw: true, bytes: 1000);
        Assert.Equal(EnqueueResult.Queued, queue.EnqueueFeed(Sized("a", 1, 400)));
        Assert.Equal(EnqueueResult.Queued, queue.EnqueueFeed(Sized("b", 1, 400)));
        Assert.Equal(800, queue.Bytes);
        Assert.Equal(EnqueueResult.Overflow, queue.EnqueueFeed(Sized("c", 1, 400)));
        Assert.False(queue.EnqueueReply(new byte[201]));
        Assert.True(queue.EnqueueReply(new byte[200]));
        // Replacing a value counts the new one instead of the old one.
        Assert.Equal(EnqueueResult.Replaced, queue.EnqueueFeed(Sized("a", 2, 300)));
        Assert.Equal(EnqueueResult.Overflow, queue.EnqueueFeed(Sized("b", 2, 501)));
        Assert.Equal(900, queue.Bytes);
        Drain(queue);
        Assert.Equal(0, queue.Bytes);
    }

    [Fact]
    public void One_message_larger_than_the_byte_bound_still_goes_to_a_client_with_nothing_waiting()
    {
        var queue = Queue(16, 16, raw: false, bytes: 1000);
        Assert.Equal(EnqueueResult.Queued, queue.EnqueueFeed(Sized("a", 1, 5000)));
        Assert.Equal(EnqueueResult.Overflow, queue.EnqueueFeed(Sized("b", 1, 10)));
        Assert.Equal(EnqueueResult.Replaced, queue.EnqueueFeed(Sized("a", 2, 6000)));
        queue.Forget("a");
        Assert.Equal(0, queue.Bytes);
        Assert.Equal(EnqueueResult.Queued, queue.EnqueueFeed(Sized("b", 1, 10)));
    }

    [Fact]
    public void Close_comes_after_everything_queued_before_it()
    {
        var queue = Queue(4, 4, raw: true);
        queue.EnqueueReply("bye"u8.ToArray());
        queue.RequestClose(WebSocketCloseStatus.PolicyViolation, "why");
        Assert.Equal(EnqueueResult.Closed, queue.EnqueueFeed(Message("a", 1)));
        Assert.False(queue.TryTakeClose(out _, out _));
        Assert.Equal(["bye"], Drain(queue));
        Assert.True(queue.TryTakeClose(out var status, out var description));
        Assert.Equal(WebSocketCloseStatus.PolicyViolation, status);
        Assert.Equal("why", description);
    }

    [Fact]
    public async Task Wakes_the_writer_and_stops_it_when_completed()
    {
        var queue = Queue(4, 4, raw: true);
        var waiting = queue.WaitAsync(CancellationToken.None).AsTask();
        Assert.False(waiting.IsCompleted);
        queue.EnqueueFeed(Message("a", 1));
        Assert.True(await waiting.WaitAsync(TimeSpan.FromSeconds(10)));
        queue.Complete();
        Assert.False(await queue.WaitAsync(CancellationToken.None).AsTask().WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.False(queue.TryDequeue(out _));
    }
}
