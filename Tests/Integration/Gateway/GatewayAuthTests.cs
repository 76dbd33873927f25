using System.Net;
using System.Net.Http.Json;
using System.Net.WebSockets;
using System.Text.Json;
using Scanner.Tests.Support.Gateway;

namespace Scanner.Tests.Integration.Gateway;

/// <summary>Auth on over HTTP and real sockets: login, tokens in the auth action, query or header, the static key mode, origins.</summary>
public sealed class GatewayAuthTests : IAsyncLifetime
{
    private readonly FakeScannerFeedBackend _backend = new();
    private GatewayTestHost _gateway = null!;

    public async Task InitializeAsync() => _gateway = await GatewayTestHost.StartAsync(_backend,
        "Auth:Enabled=true", "Auth:TokenSecret=integration-secret", "Auth:Users:alice=wonderland", "Auth:Users:bob=builder",
        "Auth:AllowStaticKey=true", "Auth:ApiKey=legacy-key",
        "Gateway:MaxConnectionsPerUser=2", "Gateway:AllowedOrigins:0=http://trusted.example");

    public async Task DisposeAsync() => await _gateway.DisposeAsync();

    private async Task<string> LoginAsync(string user = "alice", string password = "wonderland")
    {
        using var http = _gateway.HttpClient();
        var response = await http.PostAsJsonAsync("/auth/token", new { username = user, password });
        response.EnsureSuccessStatusCode();
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.True(body.RootElement.GetProperty("expires_at").GetInt64() > DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());
        return body.RootElement.GetProperty("token").GetString()!;
    }

    [Fact]
    public async Task Config_tells_the_page_that_auth_is_on_and_bad_logins_are_refused()
    {
        using var http = _gateway.HttpClient();
        Assert.True((await http.GetFromJsonAsync<JsonElement>("/auth/config")).GetProperty("auth_enabled").GetBoolean());
        var response = await http.PostAsJsonAsync("/auth/token", new { username = "alice", password = "guess" });
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var demo = await http.PostAsJsonAsync("/auth/token", new { username = "demo", password = "demo" });
        Assert.Equal(HttpStatusCode.Unauthorized, demo.StatusCode);
    }

    [Fact]
    public async Task A_valid_token_is_renewed_for_its_user_and_anything_else_is_refused()
    {
        var token = await LoginAsync("bob", "builder");
        Task<HttpResponseMessage> RenewAsync(string? bearer) => PostWithBearerAsync("/auth/renew", bearer);

        var renewed = await RenewAsync(token);
        renewed.EnsureSuccessStatusCode();
        var fresh = (await renewed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("token").GetString()!;
        await using var client = await GatewayTestClient.ConnectAsync(new Uri($"{_gateway.Ws}?token={Uri.EscapeDataString(fresh)}"));
        Assert.True((await client.RequestAsync("""{"action":"subscribe","feed":"quote:A"}""")).IsStatus("subscribed"));

        Assert.Equal(HttpStatusCode.Unauthorized, (await RenewAsync(null)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await RenewAsync(token[..^4] + "AAAA")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await RenewAsync("legacy-key")).StatusCode); // the static key is not a token
    }

    [Fact]
    public async Task Signing_out_ends_every_session_of_the_user_on_sockets_too_and_a_new_login_starts_a_fresh_one()
    {
        var here = await LoginAsync("bob", "builder");
        var elsewhere = await LoginAsync("bob", "builder");
        var otherUser = await LoginAsync();

        Assert.Equal(HttpStatusCode.NoContent, (await PostWithBearerAsync("/auth/logout", here)).StatusCode);

        Assert.Equal(HttpStatusCode.Unauthorized, (await PostWithBearerAsync("/auth/renew", elsewhere)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await PostWithBearerAsync("/auth/logout", here)).StatusCode);
        // Nor do they open sockets any more, on the upgrade or in the auth action.
        var refused = await Assert.ThrowsAsync<WebSocketException>(() => GatewayTestClient.ConnectAsync(new Uri($"{_gateway.Ws}?token={Uri.EscapeDataString(elsewhere)}")));
        Assert.Contains("401", refused.Message);
        await using (var socket = await GatewayTestClient.ConnectAsync(_gateway.Ws))
        {
            Assert.True((await socket.RequestAsync($$"""{"action":"auth","api_key":"{{here}}"}""")).IsStatus("invalid key"));
        }
        Assert.Equal(1, _backend.SessionGenerations["bob"]); // cluster-wide: every gateway asks the same grain
        (await PostWithBearerAsync("/auth/renew", otherUser)).EnsureSuccessStatusCode();
        (await PostWithBearerAsync("/auth/renew", await LoginAsync("bob", "builder"))).EnsureSuccessStatusCode();
    }

    private async Task<HttpResponseMessage> PostWithBearerAsync(string path, string? bearer)
    {
        using var http = _gateway.HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, path);
        if (bearer is not null)
        {
            request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", bearer);
        }
        return await http.SendAsync(request);
    }

    [Fact]
    public async Task A_token_from_login_authorizes_the_socket()
    {
        var token = await LoginAsync();
        await using var client = await GatewayTestClient.ConnectAsync(_gateway.Ws);
        Assert.True((await client.RequestAsync($$"""{"action":"auth","api_key":"{{token}}"}""")).IsStatus("authorized"));
        Assert.True((await client.RequestAsync("""{"action":"subscribe","feed":"quote:AAPL"}""")).IsStatus("subscribed"));
    }

    [Fact]
    public async Task A_token_may_come_in_the_query_or_a_bearer_header()
    {
        var token = await LoginAsync();
        await using var byQuery = await GatewayTestClient.ConnectAsync(new Uri($"{_gateway.Ws}?token={Uri.EscapeDataString(token)}"));
        Assert.True((await byQuery.RequestAsync("""{"action":"subscribe","feed":"quote:A"}""")).IsStatus("subscribed"));
        await using var byHeader = await GatewayTestClient.ConnectAsync(_gateway.Ws, o => o.SetRequestHeader("Authorization", "Bearer " + token));
        Assert.True((await byHeader.RequestAsync("""{"action":"subscribe","feed":"quote:A"}""")).IsStatus("subscribed"));
    }

    [Fact]
    public async Task A_bad_token_in_the_query_is_refused_before_upgrading()
    {
        var error = await Assert.ThrowsAsync<WebSocketException>(() => GatewayTestClient.ConnectAsync(new Uri($"{_gateway.Ws}?token=forged.token")));
        Assert.Contains("401", error.Message);
    }

    [Fact]
    public async Task The_static_key_works_in_compatibility_mode_and_is_shared_beyond_the_per_user_limit()
    {
        var clients = new List<GatewayTestClient>();
        try
        {
            for (var i = 0; i < 4; i++)
            {
                var client = await GatewayTestClient.ConnectAsync(_gateway.Ws);
                clients.Add(client);
                Assert.True((await client.RequestAsync("""{"action":"auth","api_key":"legacy-key"}""")).IsStatus("authorized"));
            }
        }
        finally
        {
            foreach (var client in clients)
            {
                await client.DisposeAsync();
            }
        }
    }

    [Fact]
    public async Task Connections_per_user_are_limited()
    {
        var token = await LoginAsync("bob", "builder");
        var uri = new Uri($"{_gateway.Ws}?token={Uri.EscapeDataString(token)}");
        await using var first = await GatewayTestClient.ConnectAsync(uri);
        await using var second = await GatewayTestClient.ConnectAsync(uri);
        Assert.True((await second.RequestAsync("""{"action":"get","cache":"quote:A"}""")).TryGetProperty("cache", out _));
        await using var third = await GatewayTestClient.ConnectAsync(uri);
        var frames = await third.ReceiveUntilClosedAsync();
        Assert.Contains("too many connections", Assert.Single(frames).Str("error"));
        Assert.Equal(WebSocketCloseStatus.PolicyViolation, third.CloseStatus);
    }

    [Fact]
    public async Task Foreign_browser_origins_are_refused_and_configured_ones_allowed()
    {
        var error = await Assert.ThrowsAsync<WebSocketException>(() =>
            GatewayTestClient.ConnectAsync(_gateway.Ws, o => o.SetRequestHeader("Origin", "http://evil.example")));
        Assert.Contains("403", error.Message);
        await using var trusted = await GatewayTestClient.ConnectAsync(_gateway.Ws, o => o.SetRequestHeader("Origin", "http://trusted.example"));
        await using var same = await GatewayTestClient.ConnectAsync(_gateway.Ws, o => o.SetRequestHeader("Origin", $"http://{_gateway.Http.Authority}"));
        Assert.Equal(WebSocketState.Open, same.Socket.State);
    }

    [Fact]
    public async Task A_removed_user_s_token_stops_working_even_with_the_same_secret()
    {
        var token = await LoginAsync("bob", "builder");
        // The same secret, and bob no longer among the users (a restart with a changed user list).
        await using var without = await GatewayTestHost.StartAsync(new FakeScannerFeedBackend(),
            "Auth:Enabled=true", "Auth:TokenSecret=integration-secret", "Auth:Users:alice=wonderland");
        var error = await Assert.ThrowsAsync<WebSocketException>(() =>
            GatewayTestClient.ConnectAsync(new Uri($"{without.Ws}?token={Uri.EscapeDataString(token)}")));
        Assert.Contains("401", error.Message);
        await using var client = await GatewayTestClient.ConnectAsync(without.Ws);
        Assert.True((await client.RequestAsync($$"""{"action":"auth","api_key":"{{token}}"}""")).IsStatus("invalid key"));
        await client.ReceiveUntilClosedAsync();
        Assert.Equal(WebSocketCloseStatus.PolicyViolation, client.CloseStatus);
    }
}
