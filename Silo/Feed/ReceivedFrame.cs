using System.Buffers;

namespace Scanner.Silo.Feed;

/// <summary>One text frame as read from the socket, in a buffer rented from the shared pool.</summary>
public readonly record struct ReceivedFrame(byte[] Buffer, int Length, long ReceivedTimestamp)
{
    public ReadOnlySpan<byte> Span => Buffer.AsSpan(0, Length);

    /// <summary>Gives the buffer back to the pool; the frame must not be used afterwards.</summary>
    public void Release() => ArrayPool<byte>.Shared.Return(Buffer);
}
