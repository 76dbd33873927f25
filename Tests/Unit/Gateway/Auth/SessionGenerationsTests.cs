using Microsoft.Extensions.Time.Testing;
using Scanner.Gateway.Auth;
using Scanner.Tests.Support.Gateway;

namespace Scanner.Tests.Unit.Gateway.Auth;

/// <summary>A signed-out token stops opening sockets: at once through the gateway that signed out, within
/// <see cref="AuthOptions.SessionCacheDuration"/> through any other.</summary>
public class SessionGenerationsTests
{
    private static readonly TimeSpan CacheDuration = TimeSpan.FromSeconds(5);
    private readonly FakeTimeProvider _clock = new();
    private readonly FakeScannerFeedBackend _cluster = new();

    private SessionGenerations Gateway() => GatewayHarness.Sessions(_cluster, new AuthOptions { SessionCacheDuration = CacheDuration }, _clock);

    [Fact]
    public async Task A_sign_out_through_this_gateway_refuses_older_tokens_at_once_and_accepts_newer_ones()
    {
        var sessions = Gateway();
        Assert.True(await sessions.IsCurrentAsync("bob", 0, fresh: false, default));
        await sessions.SignOutAsync("bob", default);
        Assert.False(await sessions.IsCurrentAsync("bob", 0, fresh: false, default));
        Assert.True(await sessions.IsCurrentAsync("bob", await sessions.CurrentAsync("bob", default), fresh: false, default));
    }

    [Fact]
    public async Task A_sign_out_elsewhere_is_seen_once_the_reading_is_older_than_the_cache_duration()
    {
        var sessions = Gateway();
        var elsewhere = Gateway();
        Assert.True(await sessions.IsCurrentAsync("bob", 0, fresh: false, default));
        await elsewhere.SignOutAsync("bob", default);

        _clock.Advance(CacheDuration - TimeSpan.FromMilliseconds(1));
        Assert.True(await sessions.IsCurrentAsync("bob", 0, fresh: false, default)); // the staleness bound, not more
        Assert.False(await sessions.IsCurrentAsync("bob", 0, fresh: true, default)); // renew and logout ask every time
        _clock.Advance(TimeSpan.FromMilliseconds(1));
        Assert.False(await sessions.IsCurrentAsync("bob", 0, fresh: false, default));
    }

    [Fact]
    public async Task A_token_newer_than_the_reading_passes_without_waiting_for_the_cache()
    {
        var sessions = Gateway();
        Assert.True(await sessions.IsCurrentAsync("bob", 0, fresh: false, default));
        await Gateway().SignOutAsync("bob", default);
        // Minted elsewhere after the sign-out: it proves the newer generation by itself.
        Assert.True(await sessions.IsCurrentAsync("bob", 1, fresh: false, default));
    }

    [Fact]
    public async Task Without_the_cluster_the_last_reading_decides_and_without_one_the_session_is_unknown()
    {
        var sessions = Gateway();
        await sessions.SignOutAsync("bob", default);
        Assert.True(await sessions.IsCurrentAsync("bob", 1, fresh: false, default));
        _cluster.SessionsUnavailable = true;
        _clock.Advance(CacheDuration * 10);
        Assert.True(await sessions.IsCurrentAsync("bob", 1, fresh: true, default));
        Assert.False(await sessions.IsCurrentAsync("bob", 0, fresh: true, default));
        Assert.Null(await sessions.IsCurrentAsync("alice", 0, fresh: false, default));
    }
}
