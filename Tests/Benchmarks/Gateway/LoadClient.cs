using System.Buffers.Text;
using System.Diagnostics;
using System.Net.Sockets;
using System.Net.WebSockets;
using Scanner.Tests.Support.Gateway;

namespace Scanner.Benchmarks.Gateway;

/// <summary>
/// One benchmark WebSocket client. Healthy clients read every frame and record publish-to-receive latency from the
/// Stopwatch timestamp the publisher put in the payload; stalled clients never read, with a tiny socket buffer so
/// they block the gateway's sends quickly.
/// </summary>
internal sealed class LoadClient : IAsyncDisposable
{
    private static readonly byte[] TimestampKey = "\"t\":"u8.ToArray();
    private readonly List<long> _latencies = new(1 << 16);
    private readonly Lock _gate = new();
    private readonly GatewayTestClient _client;
    private Task _reading = Task.CompletedTask;
    private long _received;
    private bool _recording;

    private LoadClient(GatewayTestClient client) => _client = client;

    public long Received => Interlocked.Read(ref _received);

    public static async Task<LoadClient> ConnectAsync(Uri uri, IEnumerable<string> feeds, bool stalled, CancellationToken cancellation)
    {
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
        var client = new LoadClient(await GatewayTestClient.ConnectAsync(uri, invoker: new HttpMessageInvoker(handler), cancellation: cancellation));
        await client._client.SubscribeAsync(feeds, cancellation);
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
        try
        {
            while (await _client.ReceiveFrameAsync(cancellation) is { } message)
            {
                var now = Stopwatch.GetTimestamp();
                Interlocked.Increment(ref _received);
                var frame = message.Span;
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
        _client.Socket.Abort();
        await _reading;
        await _client.DisposeAsync();
    }
}
