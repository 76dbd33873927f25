using System.Buffers.Binary;
using Orleans.Serialization;

namespace Orleans.Streaming.RabbitMQ;

/// <summary>
/// The body of one AMQP message: many batch containers, each serialized with the Orleans serializer.
/// Layout: <c>[version u8][container count i32 LE]</c> then per container <c>[length i32 LE][bytes]</c>.
/// </summary>
internal static class BatchBodyCodec
{
    public const byte Version = 1;
    internal const int HeaderSize = 5;

    /// <summary>Raised for a body this codec cannot read; the receiver dead-letters such a message.</summary>
    public sealed class MalformedBodyException(string message, Exception? inner = null) : Exception(message, inner);

    /// <summary>Starts a body in <paramref name="writer"/> (which must be empty).</summary>
    internal static void WriteHeader(PooledBufferWriter writer)
    {
        var span = writer.GetSpan(HeaderSize);
        span[0] = Version;
        BinaryPrimitives.WriteInt32LittleEndian(span[1..], 0);
        writer.Advance(HeaderSize);
    }

    /// <summary>Appends one container; returns its encoded size. <paramref name="containerCount"/> is the count after it.</summary>
    internal static int Append(PooledBufferWriter writer, Serializer<RabbitMqBatchContainer> serializer, RabbitMqBatchContainer container, int containerCount)
    {
        var start = writer.Length;
        try
        {
            writer.GetSpan(4);
            writer.Advance(4);
            serializer.Serialize(container, writer);
            writer.PatchInt32(start, writer.Length - start - 4);
            writer.PatchInt32(1, containerCount);
            return writer.Length - start;
        }
        catch
        {
            writer.Truncate(start);
            throw;
        }
    }

    /// <summary>Reads every container of <paramref name="body"/>; the result does not reference <paramref name="body"/>.</summary>
    public static RabbitMqBatchContainer[] Decode(ReadOnlyMemory<byte> body, Serializer<RabbitMqBatchContainer> serializer)
    {
        var span = body.Span;
        if (span.Length < HeaderSize || span[0] != Version)
            throw new MalformedBodyException($"Not a batch body of version {Version} ({span.Length} bytes).");
        var count = BinaryPrimitives.ReadInt32LittleEndian(span[1..]);
        if (count < 0 || count > (span.Length - HeaderSize) / 4)
            throw new MalformedBodyException($"Batch body claims {count} containers in {span.Length} bytes.");

        var containers = new RabbitMqBatchContainer[count];
        var offset = HeaderSize;
        for (var i = 0; i < count; i++)
        {
            if (offset + 4 > span.Length)
                throw new MalformedBodyException($"Batch body ends before container {i} of {count}.");
            var length = BinaryPrimitives.ReadInt32LittleEndian(span[offset..]);
            offset += 4;
            if (length < 0 || length > span.Length - offset)
                throw new MalformedBodyException($"Container {i} of {count} claims {length} bytes, {span.Length - offset} remain.");
            try
            {
                containers[i] = serializer.Deserialize(body.Slice(offset, length))
                    ?? throw new MalformedBodyException($"Container {i} of {count} is null.");
            }
            catch (Exception ex)
            {
                throw new MalformedBodyException($"Container {i} of {count} does not deserialize: {ex.Message}", ex);
            }
            offset += length;
        }
        if (offset != span.Length)
            throw new MalformedBodyException($"Batch body has {span.Length - offset} bytes after its {count} containers.");
        return containers;
    }
}
