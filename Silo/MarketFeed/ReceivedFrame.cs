using System.Buffers;

namespace Scanner.Silo.MarketFeed;

/// <summary>
/// One text frame as read from the socket, in a buffer rented from the shared pool. <see cref="Connection"/> numbers
/// the upstream connection it came from, so a late status of an old connection is not taken for the current one's.
/// </summary>
public readonly record struct ReceivedFrame(byte[] Buffer, int Length, long ReceivedTimestamp, int Connection = 0)
{
    public ReadOnlySpan<byte> Span => Buffer.AsSpan(0, Length);

    /// <summary>Gives the buffer back to the pool; the frame must not be used afterwards.</summary>
    public void Release() => ArrayPool<byte>.Shared.Return(Buffer);
}
