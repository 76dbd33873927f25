using System.Net.Http.Json;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;

namespace Scanner.Tests.Integration.EndToEnd;

/// <summary>A browser-like client of the gateway: logs in for a token, then speaks the /ws protocol.</summary>
public sealed class GatewayClient : IAsyncDisposable
{
    private readonly ClientWebSocket _socket = new();
    private readonly byte[] _buffer = new byte[1 << 20];

    public static async Task<GatewayClient> ConnectAsync(Uri gateway, string user, string password)
    {
        using var http = new HttpClient { BaseAddress = gateway };
        var login = await http.PostAsJsonAsync("auth/token", new { username = user, password });
        login.EnsureSuccessStatusCode();
        var token = (await login.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("token").GetString()!;

        var client = new GatewayClient();
        await client._socket.ConnectAsync(new UriBuilder(gateway) { Scheme = "ws", Path = "/ws" }.Uri, default);
        await client.SendAsync(new { action = "auth", api_key = token });
        var reply = await client.ReceiveAsync(TimeSpan.FromSeconds(30));
        Assert.Equal("authorized", reply.GetProperty("status").GetString());
        return client;
    }

    public Task SendAsync(object message) =>
        _socket.SendAsync(JsonSerializer.SerializeToUtf8Bytes(message), WebSocketMessageType.Text, true, default);

    public async Task<JsonElement> ReceiveAsync(TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        var length = 0;
        while (true)
        {
            var result = await _socket.ReceiveAsync(_buffer.AsMemory(length), cts.Token);
            length += result.Count;
            if (result.EndOfMessage)
            {
                return JsonDocument.Parse(Encoding.UTF8.GetString(_buffer, 0, length)).RootElement.Clone();
            }
        }
    }

    /// <summary>The next update of <paramref name="feed"/> whose data satisfies <paramref name="accept"/>.</summary>
    public async Task<JsonElement> WaitForUpdateAsync(string feed, Func<JsonElement, bool> accept, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var left = deadline - DateTime.UtcNow;
            Assert.True(left > TimeSpan.Zero, $"no acceptable update of {feed} within {timeout}");
            var message = await ReceiveAsync(left);
            if (message.TryGetProperty("feed", out var name) && name.GetString() == feed
                && message.TryGetProperty("data", out var data) && accept(data))
            {
                return message;
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_socket.State == WebSocketState.Open)
        {
            using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(2));
            await _socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "done", cts.Token).ContinueWith(static _ => { }, TaskScheduler.Default);
        }
        _socket.Dispose();
    }
}
