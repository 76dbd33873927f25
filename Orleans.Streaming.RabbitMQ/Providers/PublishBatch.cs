using Orleans.Serialization;

namespace Orleans.Streaming.RabbitMQ;

/// <summary>
/// Containers waiting to go out together as one AMQP message: their encoded body in a pooled buffer, and the one
/// task every caller who added a container awaits (completed when the broker confirms the message).
/// </summary>
internal sealed class PublishBatch : IDisposable
{
    private readonly PooledBufferWriter _body;
    private readonly TaskCompletionSource _confirmed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public PublishBatch(int initialCapacity)
    {
        _body = new PooledBufferWriter(initialCapacity);
        BatchBodyCodec.WriteHeader(_body);
    }

    public int Containers { get; private set; }
    public int Events { get; private set; }
    public int Bytes => _body.Length;
    public ReadOnlyMemory<byte> Body => _body.WrittenMemory;
    public Task Confirmed => _confirmed.Task;

    /// <summary>Encodes <paramref name="container"/> into the body; returns the bytes it added.</summary>
    public int Add(RabbitMqBatchContainer container, Serializer<RabbitMqBatchContainer> serializer)
    {
        var size = BatchBodyCodec.Append(_body, serializer, container, Containers + 1);
        Containers++;
        Events += container.Events.Length;
        return size;
    }

    public void Confirm() => _confirmed.TrySetResult();

    public void Fail(Exception exception) => _confirmed.TrySetException(exception);

    public void Dispose() => _body.Dispose();
}
