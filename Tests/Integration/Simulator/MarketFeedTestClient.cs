using System.Net.WebSockets;
using System.Text;
using System.Text.Json;

namespace Scanner.Tests.Integration.Simulator;

/// <summary>A plain <see cref="ClientWebSocket"/> speaking the feed protocol, for driving the simulator like a real client.</summary>
internal sealed class MarketFeedTestClient : IAsyncDisposable
{
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private readonly ClientWebSocket _socket = new();
    private readonly byte[] _buffer = new byte[1 << 20];

    public static async Task<MarketFeedTestClient> ConnectAsync(Uri uri)
    {
        var client = new MarketFeedTestClient();
        using var timeout = new CancellationTokenSource(Patience);
        await client._socket.ConnectAsync(uri, timeout.Token);
        return client;
    }

    public WebSocketState State => _socket.State;

    /// <summary>Connects, checks the connected status and authenticates; returns the auth status.</summary>
    public static async Task<MarketFeedTestClient> ConnectAndAuthenticateAsync(Uri uri, string key)
    {
        var client = await ConnectAsync(uri);
        Assert.Equal("connected", (await client.ReceiveStatusAsync()).Status);
        await client.SendAsync(new { action = "auth", @params = key });
        Assert.Equal("auth_success", (await client.ReceiveStatusAsync()).Status);
        return client;
    }

    public Task SendAsync(object message) => SendTextAsync(JsonSerializer.Serialize(message));

    public async Task SendTextAsync(string text)
    {
        using var timeout = new CancellationTokenSource(Patience);
        await _socket.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, true, timeout.Token);
    }

    /// <summary>The next frame as a JSON array, or null when the server closed the connection.</summary>
    public async Task<JsonElement?> ReceiveFrameAsync()
    {
        var length = await ReceiveRawAsync();
        if (length < 0)
        {
            return null;
        }
        using var document = JsonDocument.Parse(_buffer.AsMemory(0, length));
        return document.RootElement.Clone();
    }

    /// <summary>
    /// Receives the next frame and counts its events without parsing it (for rate checks, where a full parse would
    /// make the client the bottleneck); the simulator writes every event as <c>{"ev":...</c>.
    /// </summary>
    public async Task<int> ReceiveAndCountEventsAsync()
    {
        var length = await ReceiveRawAsync();
        if (length < 0)
        {
            throw new InvalidOperationException("The server closed the connection.");
        }
        return _buffer.AsSpan(0, length).Count("{\"ev\":"u8);
    }

    /// <summary>Bytes of the next frame in the buffer, or -1 when the server closed the connection.</summary>
    private async Task<int> ReceiveRawAsync()
    {
        using var timeout = new CancellationTokenSource(Patience);
        var length = 0;
        while (true)
        {
            var result = await _socket.ReceiveAsync(_buffer.AsMemory(length), timeout.Token);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                return -1;
            }
            length += result.Count;
            if (result.EndOfMessage)
            {
                return length;
            }
        }
    }

    /// <summary>
    /// The next status message. Market data frames that arrive first (events flow as soon as something is subscribed,
    /// also between the acks of one subscribe message) are skipped; a status always comes alone in its frame.
    /// </summary>
    public async Task<(string Status, string Message)> ReceiveStatusAsync()
    {
        while (true)
        {
            var frame = await ReceiveFrameAsync() ?? throw new InvalidOperationException("The server closed the connection.");
            if (!frame.EnumerateArray().Any(e => e.GetProperty("ev").GetString() == "status"))
            {
                continue;
            }
            var status = Assert.Single(frame.EnumerateArray());
            return (status.GetProperty("status").GetString()!, status.GetProperty("message").GetString()!);
        }
    }

    /// <summary>True when the server closes the connection (after any frames still in flight).</summary>
    public async Task<bool> WaitForCloseAsync()
    {
        try
        {
            while (await ReceiveFrameAsync() is not null)
            {
            }
            return true;
        }
        catch (WebSocketException)
        {
            return true;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_socket.State == WebSocketState.Open)
        {
            try
            {
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
                await _socket.CloseAsync(WebSocketCloseStatus.NormalClosure, null, timeout.Token);
            }
            catch (Exception e) when (e is WebSocketException or OperationCanceledException)
            {
            }
        }
        _socket.Dispose();
    }
}
