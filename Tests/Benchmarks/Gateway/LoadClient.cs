using System.Buffers.Text;
using System.Diagnostics;
using System.Net.Sockets;
using System.Net.WebSockets;
using System.Text;

namespace Scanner.Benchmarks.Gateway;

/// <summary>
/// One benchmark WebSocket client. Healthy clients read every frame and record publish-to-receive latency from the
/// Stopwatch timestamp the publisher put in the payload; stalled clients never read, with a tiny socket buffer so
/// they block the gateway's sends quickly.
/// </summary>
internal sealed class LoadClient : IAsyncDisposable
{
    private static readonly byte[] TimestampKey = "\"t\":"u8.ToArray();
    private readonly ClientWebSocket _socket = new();
    private readonly List<long> _latencies = new(1 << 16);
    private readonly Lock _gate = new();
    private Task _reading = Task.CompletedTask;
    private long _received;
    private bool _recording;

    public long Received => Interlocked.Read(ref _received);

    public static async Task<LoadClient> ConnectAsync(Uri uri, IEnumerable<string> feeds, bool stalled, CancellationToken cancellation)
    {
        var client = new LoadClient();
        using var handler = new SocketsHttpHandler
        {
            ConnectCallback = async (context, token) =>
            {
                var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                if (stalled)
                {
                    socket.ReceiveBufferSize = 4096;
                }
                await socket.ConnectAsync(context.DnsEndPoint, token);
                return new NetworkStream(socket, ownsSocket: true);
            },
        };
        await client._socket.ConnectAsync(uri, new HttpMessageInvoker(handler), cancellation);
        foreach (var feed in feeds)
        {
            var message = Encoding.UTF8.GetBytes($$"""{"action":"subscribe","feed":"{{feed}}"}""");
            await client._socket.SendAsync(message, WebSocketMessageType.Text, true, cancellation);
        }
        if (!stalled)
        {
            client._reading = client.ReadLoop(cancellation);
        }
        return client;
    }

    /// <summary>Starts recording latencies afresh (counts keep running).</summary>
    public void StartRecording()
    {
        lock (_gate)
        {
            _latencies.Clear();
            _recording = true;
        }
    }

    public long[] StopRecording()
    {
        lock (_gate)
        {
            _recording = false;
            return [.. _latencies];
        }
    }

    private async Task ReadLoop(CancellationToken cancellation)
    {
        var buffer = new byte[64 * 1024];
        try
        {
            while (true)
            {
                var count = 0;
                ValueWebSocketReceiveResult result;
                do
                {
                    result = await _socket.ReceiveAsync(buffer.AsMemory(count), cancellation);
                    count += result.Count;
                }
                while (!result.EndOfMessage);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    return;
                }
                var now = Stopwatch.GetTimestamp();
                Interlocked.Increment(ref _received);
                var frame = buffer.AsSpan(0, count);
                var at = frame.IndexOf(TimestampKey);
                if (at >= 0 && Utf8Parser.TryParse(frame[(at + TimestampKey.Length)..], out long published, out _))
                {
                    lock (_gate)
                    {
                        if (_recording)
                        {
                            _latencies.Add(now - published);
                        }
                    }
                }
            }
        }
        catch (Exception error) when (error is WebSocketException or OperationCanceledException)
        {
        }
    }

    public async ValueTask DisposeAsync()
    {
        _socket.Abort();
        await _reading;
        _socket.Dispose();
    }
}
