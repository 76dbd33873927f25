using System.Net.WebSockets;
using System.Text;
using System.Text.Json;

namespace Scanner.Benchmarks.Pipeline;

/// <summary>
/// One gateway client as the scanner page is one: a WebSocket on <c>/ws</c> that authenticates with a key when given,
/// subscribes to feeds, and hands each whole text message to the caller with the wall-clock time it was complete.
/// </summary>
internal sealed class RankingFeedClient : IDisposable
{
    private readonly ClientWebSocket _socket = new();
    private byte[] _buffer = new byte[1 << 20];

    public static async Task<RankingFeedClient> ConnectAsync(Uri gateway, string? key, IEnumerable<string> feeds, CancellationToken cancellation)
    {
        var client = new RankingFeedClient();
        try
        {
            await client._socket.ConnectAsync(gateway, cancellation);
            if (key is not null)
            {
                await client.SendAsync(new { action = "auth", api_key = key }, cancellation);
                var (reply, _) = await client.ReceiveAsync(cancellation)
                    ?? throw new InvalidOperationException("The gateway closed the socket before answering the auth action");
                using var answer = JsonDocument.Parse(reply);
                if (!answer.RootElement.TryGetProperty("status"u8, out var status) || !status.ValueEquals("authorized"u8))
                {
                    throw new InvalidOperationException($"The gateway refused the key: {Encoding.UTF8.GetString(reply.Span)}");
                }
            }
            foreach (var feed in feeds)
            {
                await client.SendAsync(new { action = "subscribe", feed }, cancellation);
            }
            return client;
        }
        catch
        {
            client.Dispose();
            throw;
        }
    }

    /// <summary>The next whole message (valid until the next call) and when it was complete (Unix ms); null once closed.</summary>
    public async Task<(ReadOnlyMemory<byte> Message, long ReceivedMs)?> ReceiveAsync(CancellationToken cancellation)
    {
        var length = 0;
        while (true)
        {
            if (length == _buffer.Length)
            {
                Array.Resize(ref _buffer, _buffer.Length * 2);
            }
            var result = await _socket.ReceiveAsync(_buffer.AsMemory(length), cancellation);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                return null;
            }
            length += result.Count;
            if (result.EndOfMessage)
            {
                return (_buffer.AsMemory(0, length), DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());
            }
        }
    }

    private Task SendAsync<T>(T message, CancellationToken cancellation) =>
        _socket.SendAsync(JsonSerializer.SerializeToUtf8Bytes(message), WebSocketMessageType.Text, true, cancellation);

    public void Dispose() => _socket.Dispose();
}
