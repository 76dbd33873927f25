using Scanner.Tests.Support.Gateway;

namespace Scanner.Benchmarks.Pipeline;

/// <summary>
/// One gateway client as the scanner page is one: a <see cref="GatewayTestClient"/> that authenticates with a key when
/// given, subscribes to feeds, and hands each whole text message to the caller with the wall-clock time it was complete.
/// </summary>
internal sealed class RankingFeedClient : IAsyncDisposable
{
    private readonly GatewayTestClient _client;

    private RankingFeedClient(GatewayTestClient client) => _client = client;

    public static async Task<RankingFeedClient> ConnectAsync(Uri gateway, string? key, IEnumerable<string> feeds, CancellationToken cancellation)
    {
        var client = await GatewayTestClient.ConnectAsync(gateway, cancellation: cancellation);
        try
        {
            if (key is not null)
            {
                await client.AuthenticateAsync(key, cancellation);
            }
            await client.SubscribeAsync(feeds, cancellation);
            return new RankingFeedClient(client);
        }
        catch
        {
            await client.DisposeAsync();
            throw;
        }
    }

    /// <summary>The next whole message (valid until the next call) and when it was complete (Unix ms); null once closed.</summary>
    public async Task<(ReadOnlyMemory<byte> Message, long ReceivedMs)?> ReceiveAsync(CancellationToken cancellation) =>
        await _client.ReceiveFrameAsync(cancellation) is { } message ? (message, DateTimeOffset.UtcNow.ToUnixTimeMilliseconds()) : null;

    public ValueTask DisposeAsync() => _client.DisposeAsync();
}
