using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Scanner.Tests.Support.Gateway;

namespace Scanner.Tests.Integration.Gateway;

/// <summary>The login's rate limits and lockout over real HTTP: 429 with Retry-After, per address, per user name.</summary>
public sealed class GatewayLoginLimitsTests
{
    private static Task<GatewayTestHost> StartAsync(params string[] settings) => GatewayTestHost.StartAsync(new FakeScannerFeedBackend(),
        ["Auth:Enabled=true", "Auth:Users:alice=wonderland", "Auth:Users:bob=builder", "Auth:LoginWindow=01:00:00", .. settings]);

    private static Task<HttpResponseMessage> LogInAsync(HttpClient http, string user, string password) =>
        http.PostAsJsonAsync("/auth/token", new { username = user, password });

    private static async Task AssertTooManyAttemptsAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        var seconds = long.Parse(Assert.Single(response.Headers.GetValues("Retry-After")));
        Assert.InRange(seconds, 1, 3600);
        Assert.Equal(seconds, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("retry_after").GetInt64());
    }

    [Fact]
    public async Task Wrong_passwords_lock_the_user_and_then_even_the_right_one_is_refused()
    {
        await using var gateway = await StartAsync("Auth:LockoutFailures=3", "Auth:LockoutDuration=00:10:00");
        using var http = gateway.HttpClient();
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await LogInAsync(http, "alice", "guess" + i)).StatusCode);
        }
        await AssertTooManyAttemptsAsync(await LogInAsync(http, "alice", "wonderland"));
        Assert.Equal(HttpStatusCode.OK, (await LogInAsync(http, "bob", "builder")).StatusCode);
    }

    [Fact]
    public async Task Attempts_per_user_name_are_limited_whatever_the_outcome()
    {
        await using var gateway = await StartAsync("Auth:LoginsPerUser=2");
        using var http = gateway.HttpClient();
        Assert.Equal(HttpStatusCode.OK, (await LogInAsync(http, "alice", "wonderland")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await LogInAsync(http, "alice", "wonderland")).StatusCode);
        await AssertTooManyAttemptsAsync(await LogInAsync(http, "alice", "wonderland"));
        Assert.Equal(HttpStatusCode.OK, (await LogInAsync(http, "bob", "builder")).StatusCode);
    }

    [Fact]
    public async Task Attempts_per_client_address_are_limited_across_user_names()
    {
        await using var gateway = await StartAsync("Auth:LoginsPerAddress=3");
        using var http = gateway.HttpClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await LogInAsync(http, "mallory", "x")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await LogInAsync(http, "trudy", "x")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await LogInAsync(http, "alice", "wonderland")).StatusCode);
        await AssertTooManyAttemptsAsync(await LogInAsync(http, "bob", "builder"));
        // Only the login is limited: the page and its config still load.
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/auth/config")).StatusCode);
    }

    [Theory]
    [InlineData("Auth:LoginsPerAddress=0")]
    [InlineData("Auth:LockoutFailures=0")]
    [InlineData("Auth:LockoutDuration=00:00:00")]
    public async Task Invalid_limits_stop_the_gateway_at_start(string setting)
    {
        var error = await Assert.ThrowsAnyAsync<Exception>(() => StartAsync(setting));
        Assert.Contains(setting.Split('=')[0], error.ToString());
    }
}
