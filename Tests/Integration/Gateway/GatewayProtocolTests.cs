using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using Scanner.ScannerFeeds;
using Scanner.Tests.Support.Gateway;

namespace Scanner.Tests.Integration.Gateway;

/// <summary>The /ws protocol with auth off over real sockets: the envelope and raw forms, many feeds per socket, binary and
/// garbage frames, health, clean-up. The rules of each action are unit tests of ClientSession.</summary>
public sealed class GatewayProtocolTests : IAsyncLifetime
{
    private readonly FakeScannerFeedBackend _backend = new();
    private GatewayTestHost _gateway = null!;

    public async Task InitializeAsync() => _gateway = await GatewayTestHost.StartAsync(_backend);

    public async Task DisposeAsync() => await _gateway.DisposeAsync();

    private static ScannerFeedUpdate Update(string feed, long version, string json) => new(feed, Encoding.UTF8.GetBytes(json), version, 1_700_000_000_000 + version);

    [Fact]
    public async Task Subscribe_replies_then_sends_the_current_value_then_every_newer_update_in_an_envelope()
    {
        _backend.Current[ScannerFeedNames.TopGainers] = Update(ScannerFeedNames.TopGainers, 1, """[{"symbol":"A"}]""");
        await using var client = await GatewayTestClient.ConnectAsync(_gateway.Ws);

        var reply = await client.RequestAsync("""{"action":"subscribe","feed":"scanners:top_gainers"}""");
        Assert.Equal("subscribed", reply.Str("status"));
        Assert.Equal(ScannerFeedNames.TopGainers, reply.Str("feed"));
        var first = await client.ReceiveAsync();
        Assert.True(first!.Value.IsUpdate(ScannerFeedNames.TopGainers, 1));
        Assert.Equal("A", first.Value.GetProperty("data")[0].GetProperty("symbol").GetString());
        Assert.Equal(1_700_000_000_001, first.Value.GetProperty("published_at").GetInt64());

        _backend.Push(Update(ScannerFeedNames.TopGainers, 2, """[{"symbol":"B"}]"""));
        Assert.True((await client.ReceiveAsync())!.Value.IsUpdate(ScannerFeedNames.TopGainers, 2));
    }

    [Fact]
    public async Task Many_feeds_share_one_socket_and_wildcards_work()
    {
        await using var client = await GatewayTestClient.ConnectAsync(_gateway.Ws);
        Assert.True((await client.RequestAsync("""{"action":"subscribe","feed":"quote:*"}""")).IsStatus("subscribed"));
        Assert.True((await client.RequestAsync("""{"action":"subscribe","feed":"scanners:top_volume"}""")).IsStatus("subscribed"));
        Assert.Equal(["quote:*"], _backend.Interest);

        _backend.Push(Update("quote:AAPL", 1, "{}"), Update("quote:MSFT", 1, "{}"), Update(ScannerFeedNames.TopVolume, 1, "[]"), Update("daily_range:AAPL", 1, "{}"));
        var seen = new HashSet<string>();
        while (seen.Count < 3)
        {
            var frame = await client.ReceiveUntilAsync(f => f.Str("feed") is not null);
            seen.Add(frame.Str("feed")!);
        }
        Assert.Equal(["quote:AAPL", "quote:MSFT", ScannerFeedNames.TopVolume], seen.Order());
    }

    [Fact]
    public async Task Get_then_subscribe_never_misses_an_update()
    {
        _backend.Current["quote:AAPL"] = Update("quote:AAPL", 1, """{"v":1}""");
        await using var client = await GatewayTestClient.ConnectAsync(_gateway.Ws);
        var got = await client.RequestAsync("""{"action":"get","cache":"quote:AAPL"}""");
        Assert.Equal(1, got.GetProperty("data").GetProperty("v").GetInt32());
        // Published between the get and the subscribe, while nobody here was subscribed.
        _backend.Current["quote:AAPL"] = Update("quote:AAPL", 2, """{"v":2}""");
        await client.SendAsync("""{"action":"subscribe","feed":"quote:AAPL"}""");
        await client.ReceiveUntilAsync(f => f.IsUpdate("quote:AAPL", 2));
    }

    [Fact]
    public async Task Raw_format_sends_the_original_payloads()
    {
        _backend.Current[ScannerFeedNames.TopGappers] = Update(ScannerFeedNames.TopGappers, 1, """[{"symbol":"RAW"}]""");
        await using var client = await GatewayTestClient.ConnectAsync(new Uri(_gateway.Ws + "?format=raw"));
        Assert.True((await client.RequestAsync("""{"action":"subscribe","feed":"scanners:top_gappers"}""")).IsStatus("subscribed"));
        var frame = (await client.ReceiveAsync())!.Value;
        Assert.Equal(JsonValueKind.Array, frame.ValueKind);
        Assert.Equal("RAW", frame[0].GetProperty("symbol").GetString());
    }

    [Fact]
    public async Task Binary_frames_get_an_error_and_the_socket_stays_open()
    {
        await using var client = await GatewayTestClient.ConnectAsync(_gateway.Ws);
        await client.SendAsync([1, 2, 3], WebSocketMessageType.Binary);
        Assert.Equal("error", (await client.ReceiveAsync())!.Value.Str("status"));
        Assert.True((await client.RequestAsync("""{"action":"auth","api_key":"anything"}""")).IsStatus("authorized"));
    }

    [Fact]
    public async Task Random_garbage_never_breaks_the_socket()
    {
        await using var client = await GatewayTestClient.ConnectAsync(_gateway.Ws);
        var random = new Random(42);
        for (var i = 0; i < 30; i++)
        {
            var garbage = new byte[random.Next(1, 200)];
            random.NextBytes(garbage);
            // Keep it valid UTF-8 text: the socket layer itself rejects invalid UTF-8 in text frames by design.
            var text = Encoding.UTF8.GetBytes(Convert.ToBase64String(garbage) + "{\"\\");
            await client.SendAsync(text, WebSocketMessageType.Text);
            Assert.True((await client.ReceiveAsync())!.Value.IsStatus("invalid action"));
        }
        Assert.True((await client.RequestAsync("""{"action":"subscribe","feed":"quote:OK"}""")).IsStatus("subscribed"));
    }

    [Fact]
    public async Task Health_reports_clients_and_counters()
    {
        await using var client = await GatewayTestClient.ConnectAsync(_gateway.Ws);
        await client.RequestAsync("""{"action":"subscribe","feed":"quote:AAPL"}""");
        using var http = _gateway.HttpClient();
        using var health = JsonDocument.Parse(await http.GetStringAsync("/health"));
        var root = health.RootElement;
        Assert.Equal("scanner-gateway", root.GetProperty("service").GetString());
        Assert.Equal("ok", root.GetProperty("status").GetString());
        Assert.Equal(1, root.GetProperty("active_clients").GetInt64());
        Assert.Equal(1, root.GetProperty("subscriptions").GetInt32());
        Assert.True(root.GetProperty("backend_connected").GetBoolean());
        foreach (var counter in new[] { "messages_sent", "dropped_stale", "slow_clients_closed", "auth_failures" })
        {
            Assert.True(root.TryGetProperty(counter, out _), counter);
        }
    }

    [Fact]
    public async Task A_client_that_vanishes_releases_its_subscriptions_and_interest()
    {
        var client = await GatewayTestClient.ConnectAsync(_gateway.Ws);
        await client.RequestAsync("""{"action":"subscribe","feed":"quote:GONE"}""");
        Assert.Equal(["quote:GONE"], _backend.Interest);
        client.Socket.Abort();
        client.Socket.Dispose();
        await Polling.UntilAsync(() => _gateway.Metrics.ActiveClients == 0 && _backend.Interest.Length == 0,
            () => $"the vanished client was never cleaned up: {_gateway.Metrics.ActiveClients} clients, interest {string.Join(',', _backend.Interest)}");
    }

    [Fact]
    public async Task Plain_http_on_the_socket_path_is_refused()
    {
        using var http = _gateway.HttpClient();
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, (await http.GetAsync("/ws")).StatusCode);
    }
}
