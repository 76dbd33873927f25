using System.Net.WebSockets;
using System.Text;
using Scanner.Gateway.Connections;

namespace Scanner.Tests.Unit.Gateway.Connections;

/// <summary>The socket's transport: what a batch holds goes out in one write, in order; anything else goes straight through.</summary>
public class BatchingTransportTests
{
    /// <summary>Records each write the transport makes to the connection.</summary>
    private sealed class RecordingStream : MemoryStream
    {
        public List<byte[]> Writes { get; } = [];

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            Writes.Add(buffer.ToArray());
            return base.WriteAsync(buffer, cancellationToken);
        }
    }

    [Fact]
    public async Task A_batch_of_websocket_messages_goes_out_in_one_write_that_a_client_reads_as_those_messages()
    {
        var connection = new RecordingStream();
        var transport = new BatchingTransport(connection);
        using var server = WebSocket.CreateFromStream(transport, new WebSocketCreationOptions { IsServer = true });
        string[] messages = ["{\"feed\":\"a\"}", "{\"feed\":\"b\"}", new string('x', 40_000)];

        transport.BeginBatch();
        foreach (var message in messages)
        {
            await server.SendAsync(Encoding.UTF8.GetBytes(message), WebSocketMessageType.Text, endOfMessage: true, CancellationToken.None);
        }
        Assert.Empty(connection.Writes);
        await transport.EndBatchAsync(CancellationToken.None);

        Assert.Single(connection.Writes);
        using var client = WebSocket.CreateFromStream(new MemoryStream(connection.Writes[0]), new WebSocketCreationOptions { IsServer = false });
        var buffer = new byte[64 * 1024];
        foreach (var message in messages)
        {
            var received = await client.ReceiveAsync(buffer.AsMemory(), CancellationToken.None);
            Assert.True(received.EndOfMessage);
            Assert.Equal(message, Encoding.UTF8.GetString(buffer, 0, received.Count));
        }
    }

    [Fact]
    public async Task Writes_outside_a_batch_go_straight_through_and_an_empty_batch_writes_nothing()
    {
        var connection = new RecordingStream();
        var transport = new BatchingTransport(connection);

        await transport.WriteAsync(new byte[] { 1, 2 });
        transport.BeginBatch();
        await transport.EndBatchAsync(CancellationToken.None);
        await transport.WriteAsync(new byte[] { 3 });

        Assert.Equal([[1, 2], [3]], connection.Writes);
    }

    [Fact]
    public async Task A_batch_keeps_its_writes_in_order_across_buffer_growth()
    {
        var connection = new RecordingStream();
        var transport = new BatchingTransport(connection);
        var first = Enumerable.Repeat((byte)1, 20_000).ToArray();
        var second = Enumerable.Repeat((byte)2, 30_000).ToArray();

        transport.BeginBatch();
        await transport.WriteAsync(first);
        await transport.WriteAsync(second);
        Assert.Equal(50_000, transport.Pending);
        await transport.EndBatchAsync(CancellationToken.None);

        Assert.Equal([.. first, .. second], Assert.Single(connection.Writes));
        Assert.Equal(0, transport.Pending);
    }
}
