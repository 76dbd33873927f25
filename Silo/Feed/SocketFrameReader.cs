using System.Buffers;
using System.Diagnostics;
using System.Net.WebSockets;

namespace Scanner.Silo.Feed;

/// <summary>
/// Reads whole text messages from the upstream socket into pooled buffers and hands them to the
/// <see cref="FrameBuffer"/>. It does nothing else, so it keeps up with the server however slow the rest is.
/// </summary>
public sealed class SocketFrameReader(WebSocket socket, FrameBuffer buffer, int maxFrameBytes)
{
    private const int InitialBufferBytes = 16 * 1024;

    /// <summary>Messages skipped because they were binary or larger than the limit.</summary>
    public long Skipped { get; private set; }

    /// <summary>Reads until the server closes (returns its close status) or the token fires.</summary>
    public async Task<WebSocketCloseStatus?> RunAsync(CancellationToken cancellationToken)
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
                    return socket.CloseStatus ?? WebSocketCloseStatus.Empty;
                }
                length += result.Count;
                if (!result.EndOfMessage)
                {
                    continue;
                }

                if (oversized || result.MessageType != WebSocketMessageType.Text)
                {
                    Skipped++;
                }
                else
                {
                    buffer.Write(new ReceivedFrame(current, length, Stopwatch.GetTimestamp()));
                    current = pool.Rent(InitialBufferBytes);
                }
                length = 0;
                oversized = false;
            }
        }
        finally
        {
            pool.Return(current);
        }
    }
}
