using System.Net.WebSockets;
using System.Text;
using System.Text.Json;

namespace Scanner.Tests.Integration.Gateway;

/// <summary>A ClientWebSocket that speaks JSON text frames, with generous timeouts for "eventually" checks.</summary>
internal sealed class TestClient : IAsyncDisposable
{
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);
    private readonly byte[] _buffer = new byte[1 << 20];

    private TestClient(ClientWebSocket socket) => Socket = socket;

    public ClientWebSocket Socket { get; }

    public WebSocketCloseStatus? CloseStatus { get; private set; }

    public static async Task<TestClient> ConnectAsync(Uri uri, Action<ClientWebSocketOptions>? configure = null)
    {
        var socket = new ClientWebSocket();
        configure?.Invoke(socket.Options);
        using var timeout = new CancellationTokenSource(Patience);
        await socket.ConnectAsync(uri, timeout.Token);
        return new TestClient(socket);
    }

    public Task SendAsync(string json) => SendAsync(Encoding.UTF8.GetBytes(json), WebSocketMessageType.Text);

    public async Task SendAsync(byte[] bytes, WebSocketMessageType type)
    {
        using var timeout = new CancellationTokenSource(Patience);
        await Socket.SendAsync(bytes, type, true, timeout.Token);
    }

    /// <summary>The next frame as JSON, or null when the server closed the socket.</summary>
    public async Task<JsonElement?> ReceiveAsync()
    {
        using var timeout = new CancellationTokenSource(Patience);
        var count = 0;
        ValueWebSocketReceiveResult result;
        do
        {
            result = await Socket.ReceiveAsync(_buffer.AsMemory(count), timeout.Token);
            count += result.Count;
        }
        while (!result.EndOfMessage);
        if (result.MessageType == WebSocketMessageType.Close)
        {
            CloseStatus = Socket.CloseStatus;
            return null;
        }
        using var document = JsonDocument.Parse(_buffer.AsMemory(0, count));
        return document.RootElement.Clone();
    }

    /// <summary>Reads frames until one satisfies <paramref name="match"/>; fails if the socket closes first.</summary>
    public async Task<JsonElement> ReceiveUntilAsync(Func<JsonElement, bool> match)
    {
        while (true)
        {
            var frame = await ReceiveAsync() ?? throw new InvalidOperationException("socket closed while waiting");
            if (match(frame))
            {
                return frame;
            }
        }
    }

    public async Task<JsonElement> RequestAsync(string json)
    {
        await SendAsync(json);
        return await ReceiveAsync() ?? throw new InvalidOperationException("socket closed instead of replying");
    }

    /// <summary>Reads until the server closes; returns the frames received before that.</summary>
    public async Task<List<JsonElement>> ReceiveUntilClosedAsync()
    {
        var frames = new List<JsonElement>();
        try
        {
            while (await ReceiveAsync() is { } frame)
            {
                frames.Add(frame);
            }
        }
        catch (WebSocketException)
        {
            // Aborted rather than closed: closed all the same.
        }
        return frames;
    }

    public async ValueTask DisposeAsync()
    {
        if (Socket.State == WebSocketState.Open)
        {
            try
            {
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
                await Socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "done", timeout.Token);
            }
            catch (Exception error) when (error is WebSocketException or OperationCanceledException)
            {
            }
        }
        Socket.Dispose();
    }
}

internal static class FrameExtensions
{
    public static string? Str(this JsonElement frame, string property) =>
        frame.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    public static bool IsStatus(this JsonElement frame, string status) => frame.Str("status") == status;

    public static bool IsUpdate(this JsonElement frame, string feed, long version) =>
        frame.Str("feed") == feed && frame.TryGetProperty("version", out var v) && v.GetInt64() == version;
}
