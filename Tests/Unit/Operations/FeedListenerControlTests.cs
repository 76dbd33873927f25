using Scanner.Silo.Control;
using Scanner.Silo.MarketFeed;

namespace Scanner.Tests.Unit.Operations;

public class FeedListenerControlTests
{
    private static readonly ListenerIdentity Self = new("10.0.0.1:11111@1");

    private static MarketFeedControl Control(bool enabled = true) => new(
        new MarketFeedOptions { Enabled = enabled, Url = new Uri("ws://feed.test/stocks"), Subscriptions = ["T.*", "Q.*"] }, Self);

    [Fact]
    public void Starts_running_with_the_configured_url_and_subscriptions()
    {
        var desired = Control().Desired;
        Assert.True(desired.Running);
        Assert.Equal(new Uri("ws://feed.test/stocks"), desired.Url);
        Assert.Equal(["T.*", "Q.*"], desired.Subscriptions);
    }

    [Fact]
    public void Every_change_cancels_the_token_handed_out_with_the_previous_state()
    {
        var control = Control();
        var (_, beforeStop) = control.Current();

        Assert.False(control.Stop().Running);
        Assert.True(beforeStop.IsCancellationRequested);

        var (stopped, beforeStart) = control.Current();
        Assert.False(stopped.Running);
        Assert.False(beforeStart.IsCancellationRequested);
        Assert.True(control.Start().Running);
        Assert.True(beforeStart.IsCancellationRequested);
    }

    [Fact]
    public void Reconnect_keeps_the_state_and_still_ends_the_connection()
    {
        var control = Control();
        var (before, token) = control.Current();
        var after = control.Reconnect();
        Assert.Equal(before, after);
        Assert.True(token.IsCancellationRequested);
    }

    [Fact]
    public void New_subscriptions_and_url_become_the_desired_state()
    {
        var control = Control();
        var (_, token) = control.Current();
        control.SetSubscriptions(["A.*", "LULD.*"]);
        Assert.True(token.IsCancellationRequested);
        Assert.True(MarketFeedControl.TryParseUrl("wss://delayed.feed.test/stocks?x=1", out var url));
        control.SetUrl(url);

        var desired = control.Desired;
        Assert.Equal(["A.*", "LULD.*"], desired.Subscriptions);
        Assert.Equal("wss://delayed.feed.test/stocks", desired.DisplayUrl);
        Assert.True(desired.Running);
    }

    [Theory]
    [InlineData("http://feed.test/stocks")]
    [InlineData("/stocks")]
    [InlineData("")]
    [InlineData(null)]
    public void Only_websocket_urls_are_accepted(string? text)
    {
        Assert.False(MarketFeedControl.TryParseUrl(text, out _));
    }

    [Fact]
    public void Holds_the_lease_only_while_the_last_answer_named_this_silo()
    {
        var control = Control();
        Assert.False(control.HoldsLease);
        control.ObserveLeaseHolder(Self.Name);
        Assert.True(control.HoldsLease);
        control.ObserveLeaseHolder("10.0.0.2:11111@2");
        Assert.False(control.HoldsLease);
        Assert.Equal("10.0.0.2:11111@2", control.LeaseHolder);
        control.ObserveLeaseHolder(null);
        Assert.False(control.HoldsLease);
    }

    [Fact]
    public void A_listener_that_gave_up_takes_changes_though_it_released_the_lease()
    {
        var control = Control();
        control.ObserveLeaseHolder(Self.Name);
        Assert.True(control.AcceptsChanges);
        control.GaveUp();   // refused key or Feed:MaxReconnects: lease released, waiting for a change
        Assert.False(control.HoldsLease);
        Assert.True(control.AcceptsChanges);
        control.ObserveLeaseHolder("10.0.0.2:11111@2");   // after the change it asked again: another silo had it
        Assert.False(control.AcceptsChanges);
        Assert.False(Control(enabled: false).AcceptsChanges);
    }

    [Fact]
    public void A_disabled_listener_never_holds_the_lease()
    {
        var control = Control(enabled: false);
        control.ObserveLeaseHolder(Self.Name);
        Assert.False(control.Enabled);
        Assert.False(control.HoldsLease);
    }

    [Fact]
    public void The_listener_connects_with_a_copy_carrying_the_desired_upstream()
    {
        var options = new MarketFeedOptions { Url = new Uri("ws://a.test/stocks"), Subscriptions = ["T.*"], FrameBufferCapacity = 64 };
        var copy = options.WithUpstream(new Uri("ws://b.test/stocks"), ["Q.*"]);
        Assert.Equal(new Uri("ws://b.test/stocks"), copy.Url);
        Assert.Equal(["Q.*"], copy.Subscriptions);
        Assert.Equal(64, copy.FrameBufferCapacity);
        Assert.Equal(["T.*"], options.Subscriptions);
    }
}
