using System.Buffers;

namespace Scanner.Gateway.Connections;

/// <summary>
/// A client socket's upgraded transport that can hold its writes: between <see cref="BeginBatch"/> and
/// <see cref="EndBatchAsync"/> the WebSocket's frames are gathered in one pooled buffer and go out in one write (one
/// pipe flush, one send system call) instead of one each, which was most of the gateway's cost per message
/// (docs/benchmarks/findings.md, "Gateway"). Outside a batch (keep-alive pings, pongs, the close) writes go straight
/// through. The WebSocket never writes concurrently with itself; the gate keeps its pongs out of a batch being sent.
/// </summary>
internal sealed class BatchingTransport(Stream inner) : Stream
{
    private const int InitialBuffer = 16 * 1024;

    private readonly SemaphoreSlim _gate = new(1, 1);
    private byte[]? _buffer;
    private int _count;
    private bool _batching;

    /// <summary>Bytes held in the current batch.</summary>
    public int Pending => _count;

    /// <summary>Holds every write from now until <see cref="EndBatchAsync"/>.</summary>
    public void BeginBatch() => _batching = true;

    /// <summary>Writes what the batch holds in one write and lets later writes through again.</summary>
    public async ValueTask EndBatchAsync(CancellationToken cancellation)
    {
        await _gate.WaitAsync(cancellation).ConfigureAwait(false);
        try
        {
            _batching = false;
            if (_count > 0)
            {
                await inner.WriteAsync(_buffer.AsMemory(0, _count), cancellation).ConfigureAwait(false);
            }
        }
        finally
        {
            _count = 0;
            if (_buffer is not null)
            {
                ArrayPool<byte>.Shared.Return(_buffer);
                _buffer = null;
            }
            _gate.Release();
        }
    }

    public override async ValueTask WriteAsync(ReadOnlyMemory<byte> source, CancellationToken cancellationToken = default)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_batching)
            {
                Hold(source.Span);
                return;
            }
            await inner.WriteAsync(source, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override void Write(byte[] buffer, int offset, int count) =>
        WriteAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();

    public override Task FlushAsync(CancellationToken cancellationToken) =>
        _batching ? Task.CompletedTask : inner.FlushAsync(cancellationToken);

    public override void Flush() => FlushAsync(CancellationToken.None).GetAwaiter().GetResult();

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        inner.ReadAsync(buffer, cancellationToken);

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        inner.ReadAsync(buffer, offset, count, cancellationToken);

    public override int Read(byte[] buffer, int offset, int count) => inner.Read(buffer, offset, count);

    public override bool CanRead => inner.CanRead;

    public override bool CanWrite => inner.CanWrite;

    public override bool CanSeek => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
        }
        base.Dispose(disposing);
    }

    public override ValueTask DisposeAsync() => inner.DisposeAsync();

    private void Hold(ReadOnlySpan<byte> source)
    {
        var needed = _count + source.Length;
        if (_buffer is null || needed > _buffer.Length)
        {
            var larger = ArrayPool<byte>.Shared.Rent(Math.Max(needed, InitialBuffer));
            if (_buffer is not null)
            {
                _buffer.AsSpan(0, _count).CopyTo(larger);
                ArrayPool<byte>.Shared.Return(_buffer);
            }
            _buffer = larger;
        }
        source.CopyTo(_buffer.AsSpan(_count));
        _count = needed;
    }
}
