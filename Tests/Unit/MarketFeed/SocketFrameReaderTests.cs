using System.Net;
using System.Net.Sockets;
using System.Net.WebSockets;
using System.Text;
using Scanner.Silo.MarketFeed;

namespace Scanner.Tests.Unit.MarketFeed;

/// <summary>Drives the reader over a real loopback socket pair, as the feed would.</summary>
public sealed class SocketFrameReaderTests : IAsyncLifetime
{
    private TcpClient _clientTcp = null!;
    private TcpClient _serverTcp = null!;
    private WebSocket _server = null!;
    private WebSocket _client = null!;

    public async Task InitializeAsync()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        _clientTcp = new TcpClient();
        var connect = _clientTcp.ConnectAsync(IPAddress.Loopback, ((IPEndPoint)listener.LocalEndpoint).Port);
        _serverTcp = await listener.AcceptTcpClientAsync();
        await connect;
        listener.Stop();
        _server = WebSocket.CreateFromStream(_serverTcp.GetStream(), new WebSocketCreationOptions { IsServer = true });
        _client = WebSocket.CreateFromStream(_clientTcp.GetStream(), new WebSocketCreationOptions { IsServer = false });
    }

    public Task DisposeAsync()
    {
        _server.Dispose();
        _client.Dispose();
        _serverTcp.Dispose();
        _clientTcp.Dispose();
        return Task.CompletedTask;
    }

    private static List<string> Drain(FrameBuffer buffer)
    {
        var frames = new List<string>();
        while (buffer.TryTake(out var frame))
        {
            frames.Add(Encoding.UTF8.GetString(frame.Span));
            frame.Release();
        }
        return frames;
    }

    [Fact]
    public async Task Reassembles_fragmented_and_large_messages_and_skips_binary_and_oversized_ones()
    {
        var buffer = new FrameBuffer(64, Timeout.InfiniteTimeSpan);
        var reader = new SocketFrameReader(_client, maxFrameBytes: 100_000);
        var run = reader.RunAsync(buffer, CancellationToken.None);

        var large = "[" + string.Join(',', Enumerable.Repeat("{\"ev\":\"T\",\"sym\":\"AAPL\"}", 2_000)) + "]";
        await _server.SendAsync(Encoding.UTF8.GetBytes("[{\"ev\":"), WebSocketMessageType.Text, false, default);
        await _server.SendAsync(Encoding.UTF8.GetBytes("\"T\"}]"), WebSocketMessageType.Text, true, default);
        await _server.SendAsync(new byte[] { 1, 2, 3 }, WebSocketMessageType.Binary, true, default);
        await _server.SendAsync(Encoding.UTF8.GetBytes(large), WebSocketMessageType.Text, true, default);
        await _server.SendAsync(new byte[150_000], WebSocketMessageType.Text, true, default);
        await _server.SendAsync(Encoding.UTF8.GetBytes("[]"), WebSocketMessageType.Text, true, default);
        await _server.CloseOutputAsync(WebSocketCloseStatus.PolicyViolation, "slow consumer", default);

        var closeStatus = await run.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(WebSocketCloseStatus.PolicyViolation, closeStatus);
        Assert.Equal(["[{\"ev\":\"T\"}]", large, "[]"], Drain(buffer));
        Assert.Equal(2, reader.Skipped);
    }

    [Fact]
    public async Task Never_waits_for_the_consumer_the_buffer_sheds_instead()
    {
        var buffer = new FrameBuffer(16, Timeout.InfiniteTimeSpan);
        var reader = new SocketFrameReader(_client, maxFrameBytes: 1024);
        var run = reader.RunAsync(buffer, CancellationToken.None);

        for (var i = 0; i < 1_000; i++)
        {
            await _server.SendAsync(Encoding.UTF8.GetBytes($"[{i}]"), WebSocketMessageType.Text, true, default);
        }
        await _server.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "", default);
        await run.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(1_000 - 16, buffer.Dropped);
        var kept = Drain(buffer);
        Assert.Equal(16, kept.Count);
        Assert.Equal("[999]", kept[^1]);
    }
}
