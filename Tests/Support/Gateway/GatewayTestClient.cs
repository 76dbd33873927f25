using System.Net.Http.Json;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;

namespace Scanner.Tests.Support.Gateway;

/// <summary>
/// The one test client of the gateway's <c>/ws</c> protocol: connect (optionally after logging in), auth, subscribe,
/// send and receive whole JSON text frames. Waits are bounded by <see cref="Patience"/> unless said otherwise: a
/// bound for a failing run, never what a test measures.
/// </summary>
public sealed class GatewayTestClient : IAsyncDisposable
{
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private byte[] _buffer = new byte[1 << 16];

    private GatewayTestClient(ClientWebSocket socket) => Socket = socket;

    public ClientWebSocket Socket { get; }

    /// <summary>The status of the server's close frame, once one was received.</summary>
    public WebSocketCloseStatus? CloseStatus { get; private set; }

    /// <param name="invoker">Carries the connection when the test shapes the TCP socket itself (buffer sizes).</param>
    public static async Task<GatewayTestClient> ConnectAsync(
        Uri ws, Action<ClientWebSocketOptions>? configure = null, HttpMessageInvoker? invoker = null, CancellationToken cancellation = default)
    {
        var socket = new ClientWebSocket();
        try
        {
            configure?.Invoke(socket.Options);
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
            timeout.CancelAfter(Patience);
            await socket.ConnectAsync(ws, invoker, timeout.Token);
            return new GatewayTestClient(socket);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    /// <summary>Logs in on <c>/auth/token</c> of the gateway at <paramref name="http"/>, connects and authorizes the socket.</summary>
    public static async Task<GatewayTestClient> LogInAndConnectAsync(Uri http, string user, string password)
    {
        var token = await LogInAsync(http, user, password);
        var client = await ConnectAsync(new UriBuilder(http) { Scheme = "ws", Path = "/ws" }.Uri);
        try
        {
            await client.AuthenticateAsync(token);
            return client;
        }
        catch
        {
            await client.DisposeAsync();
            throw;
        }
    }

    /// <summary>A token from <c>POST /auth/token</c>; throws when the login is refused.</summary>
    public static async Task<string> LogInAsync(Uri http, string user, string password)
    {
        using var client = new HttpClient { BaseAddress = http, Timeout = Patience };
        var login = await client.PostAsJsonAsync("/auth/token", new { username = user, password });
        login.EnsureSuccessStatusCode();
        return (await login.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("token").GetString()!;
    }

    /// <summary>Sends the auth action and throws unless the gateway answers <c>authorized</c>.</summary>
    public async Task AuthenticateAsync(string key, CancellationToken cancellation = default)
    {
        await SendAsync(new { action = "auth", api_key = key }, cancellation);
        var reply = await ReceiveAsync(Patience, cancellation) ?? throw new InvalidOperationException("The gateway closed the socket before answering the auth action");
        if (!reply.IsStatus("authorized"))
        {
            throw new InvalidOperationException($"The gateway refused the key: {reply.GetRawText()}");
        }
    }

    /// <summary>Sends a subscribe action per feed without waiting for the replies.</summary>
    public async Task SubscribeAsync(IEnumerable<string> feeds, CancellationToken cancellation = default)
    {
        foreach (var feed in feeds)
        {
            await SendAsync(new { action = "subscribe", feed }, cancellation);
        }
    }

    public Task SendAsync(string json) => SendAsync(Encoding.UTF8.GetBytes(json), WebSocketMessageType.Text);

    /// <summary>Sends <paramref name="message"/> serialised as JSON.</summary>
    public Task SendAsync<T>(T message, CancellationToken cancellation = default) =>
        SendAsync(JsonSerializer.SerializeToUtf8Bytes(message), WebSocketMessageType.Text, cancellation: cancellation);

    public async Task SendAsync(byte[] bytes, WebSocketMessageType type, bool endOfMessage = true, CancellationToken cancellation = default)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        timeout.CancelAfter(Patience);
        await Socket.SendAsync(bytes, type, endOfMessage, timeout.Token);
    }

    /// <summary>The next whole message (valid until the next receive), or null once the server closed the socket.</summary>
    public async Task<ReadOnlyMemory<byte>?> ReceiveFrameAsync(CancellationToken cancellation)
    {
        var length = 0;
        while (true)
        {
            if (length == _buffer.Length)
            {
                Array.Resize(ref _buffer, _buffer.Length * 2);
            }
            var result = await Socket.ReceiveAsync(_buffer.AsMemory(length), cancellation);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                CloseStatus = Socket.CloseStatus;
                return null;
            }
            length += result.Count;
            if (result.EndOfMessage)
            {
                return _buffer.AsMemory(0, length);
            }
        }
    }

    /// <summary>The next frame as JSON, or null when the server closed the socket.</summary>
    public Task<JsonElement?> ReceiveAsync() => ReceiveAsync(Patience);

    /// <inheritdoc cref="ReceiveAsync()"/>
    public async Task<JsonElement?> ReceiveAsync(TimeSpan timeout, CancellationToken cancellation = default)
    {
        using var bounded = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        bounded.CancelAfter(timeout);
        if (await ReceiveFrameAsync(bounded.Token) is not { } frame)
        {
            return null;
        }
        using var document = JsonDocument.Parse(frame);
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

    /// <summary>Sends <paramref name="json"/> and returns the next frame.</summary>
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

    /// <summary>The next update of <paramref name="feed"/> whose data satisfies <paramref name="accept"/>.</summary>
    public async Task<JsonElement> WaitForUpdateAsync(string feed, Func<JsonElement, bool> accept, TimeSpan timeout)
    {
        using var bounded = new CancellationTokenSource(timeout);
        try
        {
            while (true)
            {
                var frame = await ReceiveAsync(Timeout.InfiniteTimeSpan, bounded.Token) ?? throw new InvalidOperationException("socket closed while waiting");
                if (frame.Str("feed") == feed && frame.TryGetProperty("data", out var data) && accept(data))
                {
                    return frame;
                }
            }
        }
        catch (OperationCanceledException) when (bounded.IsCancellationRequested)
        {
            throw new TimeoutException($"no acceptable update of {feed} within {timeout}");
        }
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
