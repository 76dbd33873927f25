using System.Net.WebSockets;
using System.Text.Json;
using Scanner.ScannerFeeds;
using Scanner.Gateway.Auth;
using Scanner.Gateway.Connections;
using Scanner.Gateway.Hosting;
using Scanner.Tests.Support.Gateway;
using static Scanner.Tests.Unit.Gateway.GatewayHarness;

namespace Scanner.Tests.Unit.Gateway.Connections;

/// <summary>The /ws protocol of one client, driven without a socket: actions, replies, limits and timeouts.</summary>
public class ClientSessionTests
{
    [Fact]
    public async Task Subscribe_replies_then_sends_the_current_value_then_every_newer_update_in_an_envelope()
    {
        var gateway = new GatewayHarness();
        gateway.Backend.Current[ScannerFeedNames.TopGainers] = Update(ScannerFeedNames.TopGainers, 1, """[{"symbol":"A"}]""");
        var (session, channel) = gateway.Open();

        await session.SendAsync("""{"action":"subscribe","feed":"scanners:top_gainers"}""");
        var reply = channel.Sent[0];
        Assert.Equal("subscribed", reply.Str("status"));
        Assert.Equal(ScannerFeedNames.TopGainers, reply.Str("feed"));
        var first = channel.Sent[1];
        Assert.True(first.IsUpdate(ScannerFeedNames.TopGainers, 1));
        Assert.Equal("A", first.GetProperty("data")[0].GetProperty("symbol").GetString());
        Assert.Equal(1_700_000_000_001, first.GetProperty("published_at").GetInt64());

        gateway.Backend.Push(Update(ScannerFeedNames.TopGainers, 2, """[{"symbol":"B"}]"""));
        Assert.True(channel.Last.IsUpdate(ScannerFeedNames.TopGainers, 2));
    }

    [Fact]
    public async Task Wildcards_register_interest_and_receive_every_matching_feed()
    {
        var gateway = new GatewayHarness();
        var (session, channel) = gateway.Open();
        await session.SendAsync("""{"action":"subscribe","feed":"quote:*"}""");
        await session.SendAsync("""{"action":"subscribe","feed":"scanners:top_volume"}""");
        Assert.Equal(["quote:*"], gateway.Backend.Interest);

        gateway.Backend.Push(Update("quote:AAPL", 1, "{}"), Update("quote:MSFT", 1, "{}"), Update(ScannerFeedNames.TopVolume, 1, "[]"), Update("daily_range:AAPL", 1, "{}"));
        var updated = channel.Sent.Where(f => f.TryGetProperty("version", out _)).Select(f => f.Str("feed")!).ToHashSet();
        Assert.Equal(["quote:AAPL", "quote:MSFT", ScannerFeedNames.TopVolume], updated.Order());
    }

    [Fact]
    public async Task Unsubscribe_stops_updates_forgets_the_unsent_one_and_drops_interest()
    {
        var gateway = new GatewayHarness();
        var (session, channel) = gateway.Open();
        await session.SendAsync("""{"action":"subscribe","feed":"quote:AAPL"}""");
        await session.SendAsync("""{"action":"subscribe","feed":"quote:IBM"}""");
        await session.SendAsync("""{"action":"unsubscribe","feed":"quote:AAPL"}""");
        Assert.Equal("unsubscribed", channel.Last.Str("status"));
        Assert.Equal("quote:AAPL", channel.Last.Str("feed"));
        Assert.Equal(["quote:IBM"], gateway.Backend.Interest);
        Assert.Equal(["quote:AAPL"], channel.Forgotten);
        Assert.Equal(["quote:IBM"], session.Subscriptions);

        gateway.Backend.Push(Update("quote:AAPL", 5, "{}"));
        gateway.Backend.Push(Update("quote:IBM", 5, "{}"));
        Assert.True(channel.Last.IsUpdate("quote:IBM", 5));
        Assert.DoesNotContain(channel.Sent, f => f.IsUpdate("quote:AAPL", 5));
    }

    [Fact]
    public async Task Get_returns_the_current_value_cut_to_the_limit_or_null()
    {
        var gateway = new GatewayHarness();
        gateway.Backend.Current[ScannerFeedNames.TopVolume] = Update(ScannerFeedNames.TopVolume, 3, """[{"r":1},{"r":2},{"r":3}]""");
        var (session, channel) = gateway.Open();

        await session.SendAsync("""{"action":"get","cache":"scanners:top_volume"}""");
        Assert.Equal(ScannerFeedNames.TopVolume, channel.Last.Str("cache"));
        Assert.Equal(3, channel.Last.GetProperty("data").GetArrayLength());
        await session.SendAsync("""{"action":"get","cache":"scanners:top_volume","limit":2}""");
        Assert.Equal(2, channel.Last.GetProperty("data").GetArrayLength());
        await session.SendAsync("""{"action":"get","cache":"quote:NOPE"}""");
        Assert.Equal(JsonValueKind.Null, channel.Last.GetProperty("data").ValueKind);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("""{"action":"fly"}""")]
    [InlineData("""{"action":"subscribe"}""")]
    [InlineData("[1,2,3]")]
    [InlineData("""{"action":"get","cache":"x","limit":"all"}""")]
    public async Task Malformed_messages_get_invalid_action_and_the_session_goes_on(string message)
    {
        var gateway = new GatewayHarness();
        var (session, channel) = gateway.Open();
        await session.SendAsync(message);
        Assert.True(channel.Last.IsStatus("invalid action"));
        await session.SendAsync("""{"action":"subscribe","feed":"quote:OK"}""");
        Assert.True(channel.Last.IsStatus("subscribed"));
        Assert.Null(channel.Closed);
        Assert.Equal(1, gateway.Metrics.ProtocolErrors);
    }

    [Theory]
    [InlineData("""{"action":"subscribe","feed":"*"}""")]
    [InlineData("""{"action":"subscribe","feed":"quote:<script>"}""")]
    [InlineData("""{"action":"get","cache":"quote:*"}""")]
    public async Task Invalid_feed_names_get_a_clear_error(string message)
    {
        var (session, channel) = new GatewayHarness().Open();
        await session.SendAsync(message);
        Assert.Equal("error", channel.Last.Str("status"));
        Assert.False(string.IsNullOrEmpty(channel.Last.Str("error")));
        Assert.Empty(session.Subscriptions);
        await session.SendAsync("""{"action":"get","cache":"quote:OK"}""");
        Assert.True(channel.Last.TryGetProperty("cache", out _));
        Assert.Null(channel.Closed);
    }

    [Fact]
    public async Task Binary_messages_get_an_error_and_the_session_goes_on()
    {
        var (session, channel) = new GatewayHarness().Open();
        session.ReceiveBinary();
        Assert.Equal("error", channel.Last.Str("status"));
        await session.SendAsync("""{"action":"auth","api_key":"anything"}""");
        Assert.True(channel.Last.IsStatus("authorized"));
        Assert.Null(channel.Closed);
    }

    [Fact]
    public async Task Subscriptions_per_client_are_limited()
    {
        var (session, channel) = new GatewayHarness(new GatewayOptions { MaxSubscriptionsPerClient = 3 }).Open();
        for (var i = 0; i < 3; i++)
        {
            await session.SendAsync($$"""{"action":"subscribe","feed":"quote:S{{i}}"}""");
            Assert.True(channel.Last.IsStatus("subscribed"));
        }
        await session.SendAsync("""{"action":"subscribe","feed":"quote:S3"}""");
        Assert.Contains("subscription limit", channel.Last.Str("error"));
        await session.SendAsync("""{"action":"unsubscribe","feed":"quote:S0"}""");
        await session.SendAsync("""{"action":"subscribe","feed":"quote:S3"}""");
        Assert.True(channel.Last.IsStatus("subscribed"));
    }

    [Fact]
    public async Task Messages_beyond_the_rate_get_an_error_until_the_bucket_refills()
    {
        var gateway = new GatewayHarness(new GatewayOptions { MessageBurst = 5, MessagesPerSecond = 0.5 });
        var (session, channel) = gateway.Open();
        for (var i = 0; i < 8; i++)
        {
            await session.SendAsync("""{"action":"get","cache":"quote:A"}""");
        }
        var errors = channel.Sent.Select(f => f.Str("error")).ToArray();
        Assert.Equal(5, errors.Count(e => e is null));
        Assert.All(errors.Where(e => e is not null), e => Assert.Contains("rate limit", e));
        gateway.Time.Advance(TimeSpan.FromSeconds(2));
        await session.SendAsync("""{"action":"get","cache":"quote:A"}""");
        Assert.True(channel.Last.TryGetProperty("cache", out _));
        Assert.Null(channel.Closed);
    }

    [Fact]
    public async Task A_client_flooding_while_not_reading_is_refused_not_closed_as_too_slow()
    {
        var gateway = new GatewayHarness(new GatewayOptions { MessageBurst = 1, MessagesPerSecond = 0.01, SendQueueReplies = 2 });
        var (session, channel) = gateway.Open(replyCapacity: 2);
        for (var i = 0; i < 100; i++)
        {
            await session.SendAsync("""{"action":"get","cache":"quote:A"}""");
        }
        Assert.False(channel.ClosedAsTooSlow);
        Assert.Null(channel.Closed);
        Assert.Contains("rate limit", channel.Sent[1].Str("error"));
        Assert.Equal(99, gateway.Metrics.ProtocolErrors);
    }

    [Fact]
    public void A_message_over_the_size_limit_gets_an_error_and_closes_with_message_too_big()
    {
        var (session, channel) = new GatewayHarness(new GatewayOptions { MaxMessageBytes = 256 }).Open();
        session.ReceiveTooLarge();
        Assert.Contains("too large (limit 256 bytes)", Assert.Single(channel.Sent).Str("error"));
        Assert.Equal(WebSocketCloseStatus.MessageTooBig, channel.Closed?.Status);
    }

    [Fact]
    public async Task Idle_clients_without_subscriptions_are_closed_and_subscribed_ones_kept()
    {
        var gateway = new GatewayHarness(new GatewayOptions { IdleTimeout = TimeSpan.FromMinutes(5) });
        var (idle, idleChannel) = gateway.Open();
        var (busy, busyChannel) = gateway.Open();
        await busy.SendAsync("""{"action":"subscribe","feed":"quote:A"}""");
        gateway.Time.Advance(TimeSpan.FromMinutes(4));
        idle.Sweep();
        Assert.Null(idleChannel.Closed);
        gateway.Time.Advance(TimeSpan.FromMinutes(2));
        idle.Sweep();
        busy.Sweep();
        Assert.Equal(WebSocketCloseStatus.NormalClosure, idleChannel.Closed?.Status);
        Assert.Empty(idleChannel.Sent);
        Assert.Null(busyChannel.Closed);
    }

    private static GatewayHarness WithAuth(int maxConnectionsPerUser = 20) => new(
        new GatewayOptions { AuthTimeout = TimeSpan.FromSeconds(10), MaxConnectionsPerUser = maxConnectionsPerUser },
        new AuthOptions { Enabled = true, TokenSecret = "unit-secret", AllowStaticKey = true, ApiKey = "legacy-key", Users = { ["bob"] = "builder" } });

    [Fact]
    public void Clients_that_never_authenticate_are_closed()
    {
        var gateway = WithAuth();
        var (session, channel) = gateway.Open();
        gateway.Time.Advance(TimeSpan.FromSeconds(9));
        session.Sweep();
        Assert.Null(channel.Closed);
        gateway.Time.Advance(TimeSpan.FromSeconds(2));
        session.Sweep();
        Assert.True(Assert.Single(channel.Sent).IsStatus("unauthorized"));
        Assert.Equal(WebSocketCloseStatus.PolicyViolation, channel.Closed?.Status);
    }

    [Fact]
    public async Task Any_action_before_auth_is_unauthorized_and_closes()
    {
        var gateway = WithAuth();
        var (session, channel) = gateway.Open();
        await session.SendAsync("""{"action":"subscribe","feed":"quote:AAPL"}""");
        Assert.True(Assert.Single(channel.Sent).IsStatus("unauthorized"));
        Assert.Equal(WebSocketCloseStatus.PolicyViolation, channel.Closed?.Status);
        Assert.Empty(session.Subscriptions);
    }

    [Theory]
    [InlineData("")]
    [InlineData("not-a-token")]
    [InlineData("eyJzdWIiOiJhbGljZSIsImV4cCI6OTk5OTk5OTk5OX0.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    public async Task Forged_or_missing_tokens_get_invalid_key_and_close(string token)
    {
        var gateway = WithAuth();
        var (session, channel) = gateway.Open();
        await session.SendAsync($$"""{"action":"auth","api_key":"{{token}}"}""");
        Assert.True(Assert.Single(channel.Sent).IsStatus("invalid key"));
        Assert.Equal(WebSocketCloseStatus.PolicyViolation, channel.Closed?.Status);
        Assert.Equal(1, gateway.Metrics.AuthFailures);
    }

    [Fact]
    public async Task A_signed_token_of_a_user_not_in_the_directory_gets_invalid_key_and_close()
    {
        var gateway = WithAuth();
        var (session, channel) = gateway.Open();
        await session.SendAsync($$"""{"action":"auth","api_key":"{{gateway.Tokens.Mint("mallory").Token}}"}""");
        Assert.True(Assert.Single(channel.Sent).IsStatus("invalid key"));
        Assert.Equal(WebSocketCloseStatus.PolicyViolation, channel.Closed?.Status);
        Assert.Null(session.User);
    }

    [Fact]
    public async Task A_token_authorizes_the_session_and_connections_per_user_are_limited_until_one_ends()
    {
        var gateway = WithAuth(maxConnectionsPerUser: 2);
        var (token, _) = gateway.Tokens.Mint("bob");
        var sessions = new List<(ClientSession Session, RecordingChannel Channel)>();
        for (var i = 0; i < 3; i++)
        {
            var opened = gateway.Open();
            sessions.Add(opened);
            await opened.Session.SendAsync($$"""{"action":"auth","api_key":"{{token}}"}""");
        }
        Assert.True(sessions[0].Channel.Last.IsStatus("authorized"));
        Assert.Equal("bob", sessions[1].Session.User);
        Assert.Contains("too many connections", sessions[2].Channel.Last.Str("error"));
        Assert.Equal(WebSocketCloseStatus.PolicyViolation, sessions[2].Channel.Closed?.Status);

        sessions[0].Session.End();
        var (again, channel) = gateway.Open();
        await again.SendAsync($$"""{"action":"auth","api_key":"{{token}}"}""");
        Assert.True(channel.Last.IsStatus("authorized"));
    }

    [Fact]
    public async Task The_static_key_is_shared_beyond_the_per_user_limit()
    {
        var gateway = WithAuth(maxConnectionsPerUser: 1);
        for (var i = 0; i < 3; i++)
        {
            var (session, channel) = gateway.Open();
            await session.SendAsync("""{"action":"auth","api_key":"legacy-key"}""");
            Assert.True(channel.Last.IsStatus("authorized"));
        }
    }

    [Fact]
    public async Task Ending_a_session_releases_its_subscriptions_and_interest()
    {
        var gateway = new GatewayHarness();
        var (session, _) = gateway.Open();
        await session.SendAsync("""{"action":"subscribe","feed":"quote:GONE"}""");
        Assert.Equal(["quote:GONE"], gateway.Backend.Interest);
        session.End();
        Assert.Empty(gateway.Backend.Interest);
        Assert.Equal(0, gateway.Hub.Subscriptions);
    }
}
