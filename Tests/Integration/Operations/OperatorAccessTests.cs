using System.Net;
using System.Text.Json;

namespace Scanner.Tests.Integration.Operations;

/// <summary>
/// Operator sign-in over real HTTP: the silo listens on 127.0.0.2 and "remote" clients connect from 127.0.0.3,
/// which the operator scheme treats as another machine.
/// </summary>
public class OperatorAccessTests
{
    [Fact]
    public async Task Without_a_password_only_loopback_gets_in_and_others_are_refused_not_failed()
    {
        await using var silo = await OperatorSiloHost.StartAsync([]);
        using var local = silo.Client();
        using var remote = silo.Client(OperatorSiloHost.RemoteAddress);

        Assert.Equal(HttpStatusCode.OK, (await local.GetAsync("/dashboard")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await local.GetAsync("/control/feed")).StatusCode);

        foreach (var path in new[] { "/dashboard", "/control/feed", "/operator" })
        {
            using var refused = await remote.GetAsync(path);
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
            Assert.Empty(refused.Headers.WwwAuthenticate);
            Assert.Contains("Operator:Password", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        Assert.Equal(HttpStatusCode.OK, (await remote.GetAsync("/health")).StatusCode);
    }

    [Fact]
    public async Task With_a_password_a_browser_is_challenged_and_signs_in()
    {
        await using var silo = await OperatorSiloHost.StartAsync(new() { ["Operator:User"] = "ops", ["Operator:Password"] = "pa55" });
        using var anonymous = silo.Client(OperatorSiloHost.RemoteAddress);
        using var wrong = silo.Client(OperatorSiloHost.RemoteAddress, "ops", "nope");
        using var operatorClient = silo.Client(OperatorSiloHost.RemoteAddress, "ops", "pa55");
        using var localAnonymous = silo.Client();

        foreach (var client in new[] { anonymous, wrong, localAnonymous })
        {
            using var challenged = await client.GetAsync("/dashboard");
            Assert.Equal(HttpStatusCode.Unauthorized, challenged.StatusCode);
            var challenge = Assert.Single(challenged.Headers.WwwAuthenticate);
            Assert.Equal("Basic", challenge.Scheme);
            Assert.Contains("realm=", challenge.Parameter, StringComparison.Ordinal);
        }

        // The dashboard lives at /dashboard/ (/dashboard redirects there; HttpClient drops credentials on redirects).
        Assert.Equal(HttpStatusCode.OK, (await operatorClient.GetAsync("/dashboard/")).StatusCode);
        var page = await operatorClient.GetStringAsync("/operator");
        Assert.Contains("Market feed listener", page, StringComparison.Ordinal);
        using var state = JsonDocument.Parse(await operatorClient.GetStringAsync("/control/feed"));
        Assert.False(state.RootElement.GetProperty("enabled").GetBoolean());
        Assert.Equal("Idle", state.RootElement.GetProperty("listener").GetProperty("state").GetString());
    }

    [Fact]
    public async Task Metrics_are_open_by_default_and_behind_the_operator_sign_in_when_configured()
    {
        await using (var open = await OperatorSiloHost.StartAsync(new() { ["Operator:Password"] = "pa55" }))
        {
            using var anonymous = open.Client(OperatorSiloHost.RemoteAddress);
            Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/metrics")).StatusCode);
        }

        await using var silo = await OperatorSiloHost.StartAsync(new() { ["Operator:Password"] = "pa55", ["Operator:ProtectMetrics"] = "true" });
        using var stranger = silo.Client(OperatorSiloHost.RemoteAddress);
        using var operatorClient = silo.Client(OperatorSiloHost.RemoteAddress, "operator", "pa55");
        Assert.Equal(HttpStatusCode.Unauthorized, (await stranger.GetAsync("/metrics")).StatusCode);
        using var scraped = await operatorClient.GetAsync("/metrics");
        Assert.Equal(HttpStatusCode.OK, scraped.StatusCode);
        Assert.Contains("scanner_feed", await scraped.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        // Health stays open for probes.
        Assert.Equal(HttpStatusCode.OK, (await stranger.GetAsync("/health/live")).StatusCode);
    }

    [Fact]
    public async Task Changes_are_refused_from_another_site_and_by_a_silo_without_a_listener()
    {
        await using var silo = await OperatorSiloHost.StartAsync(new() { ["Operator:Password"] = "pa55" });
        using var operatorClient = silo.Client(OperatorSiloHost.RemoteAddress, "operator", "pa55");

        using var crossSite = new HttpRequestMessage(HttpMethod.Post, "/control/feed/stop");
        crossSite.Headers.Add("Origin", "http://elsewhere.example");
        Assert.Equal(HttpStatusCode.Forbidden, (await operatorClient.SendAsync(crossSite)).StatusCode);

        using var disabled = await operatorClient.PostAsync("/control/feed/stop", null);
        Assert.Equal(HttpStatusCode.Conflict, disabled.StatusCode);
        Assert.Contains("disabled by configuration", await disabled.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
