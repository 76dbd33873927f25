using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Scanner.Cluster;
using Scanner.Silo.Control;
using Scanner.Silo.MarketFeed;
using Scanner.Simulator;
using Scanner.Simulator.Hosting;
using Xunit.Abstractions;

namespace Scanner.Tests.Integration.Operations;

/// <summary>
/// The control API end to end: a silo host whose listener streams from the real simulator over WebSockets, steered
/// by an operator through HTTP from a non-loopback address.
/// </summary>
public class FeedControlTests(ITestOutputHelper output)
{
    private const string Key = "test-key";

    [Fact]
    public async Task Changes_the_subscriptions_of_a_running_listener_then_stops_and_starts_it()
    {
        await using var sim = await SimulatorServer.StartAsync(new SimulatorOptions
        {
            Port = 0, ApiKey = Key, Source = FeedSourceKind.Synthetic, Tickers = 50, Rate = 1_000, FrameSize = 20,
        });
        await using var silo = await OperatorSiloHost.StartAsync(new()
        {
            ["Feed:Enabled"] = "true",
            ["Feed:Url"] = sim.WebSocketUri.ToString(),
            ["Feed:ApiKey"] = Key,
            ["Feed:ReconnectDelayMin"] = "00:00:00.100",
            ["Feed:ReconnectDelayMax"] = "00:00:00.500",
            ["Feed:LeaseDuration"] = "00:00:03",
            ["Hydration:BaseUrl"] = sim.RestBaseUri.ToString(),
            ["Hydration:ApiKey"] = Key,
            ["Operator:Password"] = "pa55",
        });
        using var operatorClient = silo.Client(OperatorSiloHost.RemoteAddress, "operator", "pa55");
        string Describe() => JsonSerializer.Serialize(silo.Listener);

        await Polling.UntilAsync(() => silo.Listener.State == nameof(ListenerState.Streaming) && silo.Listener.Counters.Parse.Quotes > 0, Describe);
        using (var state = JsonDocument.Parse(await GetAsync(operatorClient, "/control/feed")))
        {
            Assert.True(state.RootElement.GetProperty("holdsLease").GetBoolean());
            Assert.Contains("Q.*", state.RootElement.GetProperty("subscriptions").EnumerateArray().Select(e => e.GetString()));
        }

        // Trades only: once the new connection acked them, quotes and aggregates stop arriving.
        Assert.Equal(HttpStatusCode.Accepted, await PutAsync(operatorClient, "/control/feed/subscriptions", new[] { "T.*" }));
        await Polling.UntilAsync(() => silo.Listener.AcknowledgedSubscriptions.SequenceEqual(["T.*"]), Describe);
        await GetAsync(operatorClient, "/control/feed");
        // Frames of the previous connection may still wait in the buffer: let everything received so far be parsed.
        var receivedSoFar = silo.Listener.Counters.Parse.Frames + silo.Listener.Counters.BufferDepth;
        await Polling.UntilAsync(() => silo.Listener.Counters.Parse.Frames >= receivedSoFar, Describe);
        var (quotes, aggregates) = (silo.Listener.Counters.Parse.Quotes, silo.Listener.Counters.Parse.SecondAggregates);
        var trades = silo.Listener.Counters.Parse.Trades;
        await Polling.UntilAsync(() => silo.Listener.Counters.Parse.Trades > trades + 500, Describe);
        Assert.Equal(quotes, silo.Listener.Counters.Parse.Quotes);
        Assert.Equal(aggregates, silo.Listener.Counters.Parse.SecondAggregates);
        output.WriteLine($"after T.* only: trades {trades} -> {silo.Listener.Counters.Parse.Trades}, quotes stayed {quotes}, second aggregates stayed {aggregates}");

        var connections = sim.Stats.ConnectionsAccepted;
        Assert.Equal(HttpStatusCode.Accepted, await PutAsync(operatorClient, "/control/feed/subscriptions", new[] { "Q.*,A.*" }));
        await Polling.UntilAsync(() => silo.Listener.AcknowledgedSubscriptions.Order().SequenceEqual(["A.*", "Q.*"])
            && silo.Listener.Counters.Parse.Quotes > quotes && silo.Listener.Counters.Parse.SecondAggregates > aggregates, Describe);
        Assert.Empty(silo.Listener.UnacknowledgedSubscriptions);
        Assert.True(sim.Stats.ConnectionsAccepted > connections);
        await GetAsync(operatorClient, "/control/feed");
        output.WriteLine($"after Q.*,A.*: quotes {quotes} -> {silo.Listener.Counters.Parse.Quotes}, second aggregates {aggregates} -> {silo.Listener.Counters.Parse.SecondAggregates}; simulator connections accepted {connections} -> {sim.Stats.ConnectionsAccepted}");

        Assert.Equal(HttpStatusCode.BadRequest, await PutAsync(operatorClient, "/control/feed/subscriptions", new[] { "T.*\"}" }));

        Assert.Equal(HttpStatusCode.Accepted, (await operatorClient.PostAsync("/control/feed/stop", null)).StatusCode);
        await Polling.UntilAsync(() => silo.Listener.State == nameof(ListenerState.Paused) && sim.Stats.ActiveConnections == 0, Describe);

        Assert.Equal(HttpStatusCode.Accepted, (await operatorClient.PostAsync("/control/feed/start", null)).StatusCode);
        await Polling.UntilAsync(() => silo.Listener.State == nameof(ListenerState.Streaming)
            && silo.Listener.AcknowledgedSubscriptions.Length == 2 && sim.Stats.ActiveConnections == 1, Describe);

        var beforeReconnect = sim.Stats.ConnectionsAccepted;
        Assert.Equal(HttpStatusCode.Accepted, (await operatorClient.PostAsync("/control/feed/reconnect", null)).StatusCode);
        await Polling.UntilAsync(() => sim.Stats.ConnectionsAccepted > beforeReconnect
            && silo.Listener.State == nameof(ListenerState.Streaming), Describe);
        // Every restart waited for the server to release the key: none was refused with max_connections.
        Assert.Equal(0, sim.Stats.ConnectionsRejected);

        // Every action is logged with who asked and from where.
        var actions = silo.Logs.Where(l => l.Contains("asked to", StringComparison.Ordinal)).ToArray();
        foreach (var line in actions)
        {
            output.WriteLine($"log: {line}");
        }
        Assert.Contains(actions, l => l.Contains("Operator operator@127.0.0.3 asked to set subscriptions of the feed listener: now running=True", StringComparison.Ordinal)
            && l.EndsWith("subscriptions=Q.*,A.*", StringComparison.Ordinal));
        foreach (var action in new[] { "stop", "start", "reconnect" })
        {
            Assert.Contains(actions, l => l.Contains($"Operator operator@127.0.0.3 asked to {action} the feed listener", StringComparison.Ordinal));
        }
    }

    private async Task<string> GetAsync(HttpClient client, string path)
    {
        var body = await client.GetStringAsync(path);
        output.WriteLine($"GET {path} -> {body}");
        return body;
    }

    private async Task<HttpStatusCode> PutAsync(HttpClient client, string path, string[] subscriptions)
    {
        using var response = await client.PutAsJsonAsync(path, subscriptions);
        output.WriteLine($"PUT {path} {JsonSerializer.Serialize(subscriptions)} -> {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return response.StatusCode;
    }

    [Fact]
    public async Task A_silo_without_the_lease_refuses_changes_and_names_the_holder()
    {
        await using var silo = await OperatorSiloHost.StartAsync(new()
        {
            ["Feed:Enabled"] = "true",
            ["Feed:Url"] = "ws://127.0.0.1:9/stocks",
            ["Feed:ApiKey"] = Key,
            ["Feed:ReconnectDelayMin"] = "00:00:00.100",
            ["Feed:ReconnectDelayMax"] = "00:00:00.500",
            ["Feed:LeaseDuration"] = "00:00:03",
        });
        var control = silo.Services.GetRequiredService<MarketFeedControl>();
        var self = silo.Services.GetRequiredService<ListenerIdentity>().Name;
        var lease = silo.Services.GetRequiredService<IGrainFactory>().GetGrain<IListenerLeaseGrain>(MarketFeedListener.LeaseName);
        await Polling.UntilAsync(() => control.HoldsLease);

        // Another silo takes the lease over (as after this one stalled): release it for this silo and grab it at once.
        while (!(await lease.TryAcquire("silo-elsewhere", TimeSpan.FromHours(1))).Granted)
        {
            await lease.Release(self);
        }
        await Polling.UntilAsync(() => control.LeaseHolder == "silo-elsewhere" && silo.Listener.State == nameof(ListenerState.Standby),
            () => JsonSerializer.Serialize(silo.Listener));

        using var local = silo.Client();
        using var refused = await local.PostAsync("/control/feed/stop", null);
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        var error = await refused.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("silo-elsewhere", error.GetProperty("leaseHolder").GetString());
        Assert.True(control.Desired.Running);
    }

    [Fact]
    public async Task The_simulator_pauses_resumes_and_changes_speed_for_its_key_or_loopback()
    {
        await using var sim = await SimulatorServer.StartAsync(new SimulatorOptions { Host = "127.0.0.2", Port = 0, ApiKey = Key, Speed = 1 });
        using var local = OperatorSiloHost.CreateClient(sim.RestBaseUri);
        using var remote = OperatorSiloHost.CreateClient(sim.RestBaseUri, OperatorSiloHost.RemoteAddress);
        using var remoteWithKey = OperatorSiloHost.CreateClient(sim.RestBaseUri, OperatorSiloHost.RemoteAddress);
        remoteWithKey.DefaultRequestHeaders.Authorization = new("Bearer", Key);

        Assert.Equal(HttpStatusCode.Unauthorized, (await remote.PostAsync("/control/pause", null)).StatusCode);
        Assert.False(sim.Source.Clock.IsPaused);

        sim.Source.Clock.Start();
        var paused = await (await remoteWithKey.PostAsync("/control/pause", null)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(paused.GetProperty("paused").GetBoolean());
        var pausedAt = sim.Source.Clock.NowUnixMs;
        await Task.Delay(50);
        Assert.Equal(pausedAt, sim.Source.Clock.NowUnixMs);

        using var speed = await local.PutAsJsonAsync("/control/speed", new { speed = 120 });
        Assert.Equal(HttpStatusCode.OK, speed.StatusCode);
        Assert.Equal(120, sim.Source.Clock.Speed);
        Assert.Equal(HttpStatusCode.BadRequest, (await local.PutAsJsonAsync("/control/speed", new { speed = 0 })).StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await local.PostAsync("/control/resume", null)).StatusCode);
        await Polling.UntilAsync(() => sim.Source.Clock.NowUnixMs > pausedAt);
        var state = await local.GetFromJsonAsync<JsonElement>("/control");
        Assert.False(state.GetProperty("paused").GetBoolean());
        Assert.Equal("replay", state.GetProperty("source").GetString());
    }
}
