using System.Buffers;
using System.Text.Json;

namespace Scanner.Scanners;

/// <summary>
/// Builds a feed payload (UTF-8 JSON) with a per-thread reusable buffer and writer, so that serialising a feed
/// allocates only the resulting byte array.
/// </summary>
public static class JsonPayload
{
    [ThreadStatic] private static ArrayBufferWriter<byte>? t_buffer;
    [ThreadStatic] private static Utf8JsonWriter? t_writer;

    public static byte[] Build<TState>(TState state, Action<Utf8JsonWriter, TState> write)
    {
        var buffer = t_buffer ??= new ArrayBufferWriter<byte>(16 * 1024);
        var writer = t_writer ??= new Utf8JsonWriter(buffer, new JsonWriterOptions { SkipValidation = true });
        buffer.ResetWrittenCount();
        writer.Reset(buffer);
        try
        {
            write(writer, state);
            writer.Flush();
            return buffer.WrittenSpan.ToArray();
        }
        finally
        {
            writer.Reset();
            if (buffer.Capacity > 4 * 1024 * 1024)
            {
                t_buffer = null; // do not keep a rare huge buffer alive
            }
        }
    }
}
