using System.Buffers;
using System.Diagnostics;
using System.Net.WebSockets;

namespace Scanner.Silo.MarketFeed;

/// <summary>
/// Reads whole text messages from the upstream socket into pooled buffers. While streaming it hands every message to
/// the <see cref="FrameBuffer"/> and does nothing else, so it keeps up with the server however slow the rest is.
/// A skipped message is reported to <paramref name="onSkipped"/> at once, so health shows it while the connection lasts.
/// </summary>
public sealed class SocketFrameReader(WebSocket socket, int maxFrameBytes, int connection = 0, Action? onSkipped = null)
{
    private const int InitialBufferBytes = 16 * 1024;

    /// <summary>Messages skipped because they were binary or larger than the limit.</summary>
    public long Skipped { get; private set; }

    /// <summary>The next text message, or null when the server closed the connection.</summary>
    public async ValueTask<ReceivedFrame?> ReceiveAsync(CancellationToken cancellationToken)
    {
        var pool = ArrayPool<byte>.Shared;
        var current = pool.Rent(InitialBufferBytes);
        var length = 0;
        var oversized = false;
        try
        {
            while (true)
            {
                if (length == current.Length)
                {
                    if (current.Length >= maxFrameBytes)
                    {
                        // Keep reading the message to stay in sync with the socket, but drop its bytes.
                        oversized = true;
                        length = 0;
                    }
                    else
                    {
                        var larger = pool.Rent(Math.Min(maxFrameBytes, current.Length * 2));
                        current.AsSpan(0, length).CopyTo(larger);
                        pool.Return(current);
                        current = larger;
                    }
                }

                var result = await socket.ReceiveAsync(current.AsMemory(length), cancellationToken);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    return null;
                }
                length += result.Count;
                if (!result.EndOfMessage)
                {
                    continue;
                }
                if (oversized || result.MessageType != WebSocketMessageType.Text)
                {
                    Skipped++;
                    onSkipped?.Invoke();
                    length = 0;
                    oversized = false;
                    continue;
                }

                var frame = new ReceivedFrame(current, length, Stopwatch.GetTimestamp(), connection);
                current = null!;
                return frame;
            }
        }
        finally
        {
            if (current is not null)
            {
                pool.Return(current);
            }
        }
    }

    /// <summary>Moves every message into <paramref name="buffer"/> until the server closes (returns its close status).</summary>
    public async Task<WebSocketCloseStatus?> RunAsync(FrameBuffer buffer, CancellationToken cancellationToken)
    {
        while (await ReceiveAsync(cancellationToken) is { } frame)
        {
            buffer.Write(frame);
        }
        return socket.CloseStatus ?? WebSocketCloseStatus.Empty;
    }
}
