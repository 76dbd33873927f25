using System.Net.WebSockets;
using System.Text;
using Scanner.ScannerFeeds;
using Scanner.Gateway.FanOut;

namespace Scanner.Tests.Unit.Gateway;

public class ClientSendQueueTests
{
    private static ScannerFeedMessage Message(string feed, long version) =>
        new(new ScannerFeedUpdate(feed, Encoding.UTF8.GetBytes($"{{\"v\":{version}}}"), version, 0));

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
        var queue = new ClientSendQueue(16, 16, raw: true);
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
        var queue = new ClientSendQueue(16, 16, raw: true);
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
        var queue = new ClientSendQueue(16, 16, raw: true);
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
        var queue = new ClientSendQueue(16, 16, raw: false);
        queue.EnqueueFeed(Message("quote:A", 1));
        Assert.StartsWith("""{"feed":"quote:A","data":{"v":1}""", Assert.Single(Drain(queue)));
    }

    [Fact]
    public void Reports_overflow_beyond_its_bounds()
    {
        var queue = new ClientSendQueue(2, 1, raw: true);
        queue.EnqueueFeed(Message("a", 1));
        queue.EnqueueFeed(Message("b", 1));
        Assert.Equal(EnqueueResult.Overflow, queue.EnqueueFeed(Message("c", 1)));
        Assert.Equal(EnqueueResult.Replaced, queue.EnqueueFeed(Message("a", 2)));
        Assert.True(queue.EnqueueReply([1]));
        Assert.False(queue.EnqueueReply([2]));
    }

    [Fact]
    public void Close_comes_after_everything_queued_before_it()
    {
        var queue = new ClientSendQueue(4, 4, raw: true);
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
        var queue = new ClientSendQueue(4, 4, raw: true);
        var waiting = queue.WaitAsync(CancellationToken.None).AsTask();
        Assert.False(waiting.IsCompleted);
        queue.EnqueueFeed(Message("a", 1));
        Assert.True(await waiting.WaitAsync(TimeSpan.FromSeconds(10)));
        queue.Complete();
        Assert.False(await queue.WaitAsync(CancellationToken.None).AsTask().WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.False(queue.TryDequeue(out _));
    }
}
