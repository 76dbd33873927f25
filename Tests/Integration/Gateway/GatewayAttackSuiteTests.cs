using System.Net;
using System.Net.Http.Json;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Scanner.Gateway.Auth;
using Scanner.Gateway.Health;
using Scanner.ScannerFeeds;
using Scanner.Tests.Support.Gateway;
using Scanner.Tests.Support.Reporting;
using Xunit.Abstractions;

namespace Scanner.Tests.Integration.Gateway;

/// <summary>
/// The gateway under attack, one test per attack, against the real gateway on loopback sockets: every attempt must be
/// refused with its documented answer and counted in a gateway metric (nothing refused or closed silently), while a
/// healthy client (<see cref="HealthyClientProbe"/>) keeps receiving its updates; its p50/p99 before and during the
/// attack go to the fault report, whose rows <c>scripts/test.sh</c> prints at the end of a run.
/// </summary>
public sealed class GatewayAttackSuiteTests(ITestOutputHelper output)
{
    private const string Suite = "gateway attack";
    private const string Secret = "attack-suite-secret";
    private static readonly string[] AuthOn = ["Auth:Enabled=true", $"Auth:TokenSecret={Secret}", "Auth:Users:alice=wonderland", "Auth:Users:bob=builder"];

    private readonly FakeScannerFeedBackend _backend = new();

    public static TheoryData<string> TokenAttacks => new() { "forged", "expired", "foreign key", "signed out" };

    [Theory]
    [MemberData(nameof(TokenAttacks))]
    public async Task Bad_tokens_are_refused_on_the_upgrade_and_in_the_auth_action(string attack)
    {
        await using var arena = await Arena.StartAsync(_backend, AuthOn);
        var token = await BadTokenAsync(arena.Gateway, attack);
        const int Attempts = 10;
        var before = arena.Metrics.AuthFailures;
        var (baseline, during) = await arena.MeasureAsync(async () =>
        {
            for (var i = 0; i < Attempts; i++)
            {
                var refused = await Assert.ThrowsAsync<WebSocketException>(() => GatewayTestClient.ConnectAsync(Query(arena.Gateway, token)));
                Assert.Contains("401", refused.Message);
                await using var client = await GatewayTestClient.ConnectAsync(arena.Gateway.Ws);
                Assert.True((await client.RequestAsync($$"""{"action":"auth","api_key":"{{token}}"}""")).IsStatus("invalid key"));
                await client.ReceiveUntilClosedAsync();
                Assert.Equal(WebSocketCloseStatus.PolicyViolation, client.CloseStatus);
            }
        });
        Assert.Equal(2 * Attempts, arena.Metrics.AuthFailures - before);
        await using var honest = await GatewayTestClient.LogInAndConnectAsync(arena.Gateway.Http, "alice", "wonderland");
        Record($"{attack} token, {Attempts} upgrades + {Attempts} auth actions", "401 before upgrading; invalid key + close 1008",
            $"all refused; healthy client {baseline} -> {during}, p99 {baseline.RatioOf(during)}", "yes: a real login still connects",
            $"auth_failures +{2 * Attempts}");
    }

    [Fact]
    public async Task Password_guessing_locks_the_name_for_a_while_and_a_spraying_address_is_limited()
    {
        await using var arena = await Arena.StartAsync(_backend,
            [.. AuthOn, "Auth:LockoutFailures=5", "Auth:LockoutDuration=00:00:02", "Auth:LoginsPerUser=100", "Auth:LoginsPerAddress=40", "Auth:LoginWindow=01:00:00"]);
        using var http = arena.Gateway.HttpClient();
        var statuses = new List<HttpStatusCode>();
        async Task<HttpStatusCode> LogInAsync(string user, string password)
        {
            var status = (await http.PostAsJsonAsync("/auth/token", new { username = user, password })).StatusCode;
            statuses.Add(status);
            return status;
        }
        var (baseline, during) = await arena.MeasureAsync(async () =>
        {
            for (var i = 0; i < 12; i++)
            {
                await LogInAsync("alice", $"guess-{i}");
            }
        });
        Assert.Equal([.. Enumerable.Repeat(HttpStatusCode.Unauthorized, 5), .. Enumerable.Repeat(HttpStatusCode.TooManyRequests, 7)], statuses);
        Assert.Equal(HttpStatusCode.TooManyRequests, await LogInAsync("alice", "wonderland")); // locked: even the right password
        var lockout = arena.Gateway.Services.GetRequiredService<LoginLockout>();
        await Polling.UntilAsync(() => lockout.LockedFor("alice") is null, () => "alice stays locked");
        Assert.Equal(HttpStatusCode.OK, await LogInAsync("alice", "wonderland")); // the lock expired by itself

        // Spraying many names from one address: the per-address limit ends it whatever the names.
        for (var i = 0; i < 40; i++)
        {
            await LogInAsync($"name-{i}", "password");
        }
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[^1]);
        var refused = statuses.Count(s => s != HttpStatusCode.OK);
        Assert.Equal(refused, arena.Metrics.AuthFailures);
        Record("12 wrong passwords for one user, then 40 names from one address", "401 x5, then 429 + Retry-After (lockout, per-address limit)",
            $"{statuses.Count(s => s == HttpStatusCode.Unauthorized)} x 401, {statuses.Count(s => s == HttpStatusCode.TooManyRequests)} x 429; healthy client {baseline} -> {during}, p99 {baseline.RatioOf(during)}",
            "yes: the lock expired by itself (2 s here) and the right password worked", $"auth_failures = {refused} refusals");
    }

    [Fact]
    public async Task An_unauthenticated_socket_flood_is_capped_while_authenticated_clients_still_connect()
    {
        await using var arena = await Arena.StartAsync(_backend,
            [.. AuthOn, "Gateway:MaxUnauthenticatedConnections=20", "Gateway:MaxConnectionsPerAddress=1000", "Gateway:AuthTimeout=00:00:01"]);
        const int Flood = 60;
        var flood = new List<GatewayTestClient>();
        var refused = 0;
        var (baseline, during) = await arena.MeasureAsync(async () =>
        {
            for (var i = 0; i < Flood; i++)
            {
                try
                {
                    flood.Add(await GatewayTestClient.ConnectAsync(arena.Gateway.Ws));
                }
                catch (WebSocketException error) when (error.Message.Contains("503"))
                {
                    refused++;
                }
            }
            // A token on the upgrade is not an unauthenticated socket: it still gets in.
            var token = await GatewayTestClient.LogInAsync(arena.Gateway.Http, "bob", "builder");
            await using var authenticated = await GatewayTestClient.ConnectAsync(Query(arena.Gateway, token));
            Assert.True((await authenticated.RequestAsync("""{"action":"get","cache":"quote:A"}""")).TryGetProperty("cache", out _));
        });
        Assert.Equal((20, Flood - 20), (flood.Count, refused));
        Assert.Equal(Flood - 20, arena.Metrics.ConnectionsRejected);
        // Each waiting socket is closed at the auth timeout, which frees the cap.
        foreach (var client in flood)
        {
            Assert.True(Assert.Single(await client.ReceiveUntilClosedAsync()).IsStatus("unauthorized"));
            await client.DisposeAsync();
        }
        await using var later = await GatewayTestClient.ConnectAsync(arena.Gateway.Ws);
        Assert.Equal(20, arena.Metrics.AuthFailures);
        Record($"{Flood} sockets that never authenticate (cap 20)", "503 beyond the cap; the rest closed at the auth timeout",
            $"{refused} x 503, 20 closed with unauthorized; healthy client {baseline} -> {during}, p99 {baseline.RatioOf(during)}",
            "yes: the cap freed, new sockets admitted", $"connections_rejected {refused}, auth_failures 20");
    }

    [Fact]
    public async Task Oversized_messages_are_refused_after_reading_no_more_than_the_limit()
    {
        await using var arena = await Arena.StartAsync(_backend, "Gateway:MaxMessageBytes=4096");
        const int Attackers = 20;
        var (baseline, during) = await arena.MeasureAsync(async () =>
        {
            for (var i = 0; i < Attackers; i++)
            {
                await using var attacker = await GatewayTestClient.ConnectAsync(arena.Gateway.Ws);
                // The limit's worth of a message announced as longer: the gateway must decide without a 4097th byte.
                await attacker.SendAsync(Encoding.UTF8.GetBytes(new string(' ', 4096)), WebSocketMessageType.Text, endOfMessage: false);
                var frames = await attacker.ReceiveUntilClosedAsync();
                Assert.Contains("message too large", Assert.Single(frames).Str("error"));
                Assert.Equal(WebSocketCloseStatus.MessageTooBig, attacker.CloseStatus);
            }
        });
        Assert.Equal(Attackers, arena.Metrics.ProtocolErrors);
        Record($"{Attackers} messages of 4 KiB announced as longer (limit 4 KiB)", "error, close 1009, nothing read past the limit",
            $"all closed 1009 with the error; healthy client {baseline} -> {during}, p99 {baseline.RatioOf(during)}", "yes",
            $"protocol_errors {Attackers}");
    }

    [Fact]
    public async Task Deeply_nested_messages_get_a_clear_answer_and_never_a_crash()
    {
        await using var arena = await Arena.StartAsync(_backend, "Gateway:MaxMessageBytes=65536");
        var nested = new string('[', 10_000) + new string(']', 10_000);
        string[] messages =
        [
            nested,
            $$"""{"action":"get","cache":{{nested}}}""",
            "{\"action\":\"save_layouts\",\"layouts\":{\"a\":" + nested + "}}",
        ];
        using var http = arena.Gateway.HttpClient();
        var httpStatuses = new List<HttpStatusCode>();
        var (baseline, during) = await arena.MeasureAsync(async () =>
        {
            await using var attacker = await GatewayTestClient.ConnectAsync(arena.Gateway.Ws);
            foreach (var message in messages)
            {
                Assert.True((await attacker.RequestAsync(message)).IsStatus("invalid action"));
            }
            Assert.True((await attacker.RequestAsync("""{"action":"get","cache":"quote:A"}""")).TryGetProperty("cache", out _)); // still open
            foreach (var body in new[] { nested, new string('[', 2000) + new string(']', 2000), "{\"username\":" + new string('[', 1000) + new string(']', 1000) + ",\"password\":\"x\"}" })
            {
                httpStatuses.Add((await http.PostAsync("/auth/token", new StringContent(body, Encoding.UTF8, "application/json"))).StatusCode);
            }
        });
        Assert.Equal([HttpStatusCode.RequestEntityTooLarge, HttpStatusCode.BadRequest, HttpStatusCode.BadRequest], httpStatuses);
        Assert.Equal(messages.Length, arena.Metrics.ProtocolErrors);
        Assert.Equal(httpStatuses.Count, arena.Metrics.AuthFailures);
        Record("10,000 nested arrays: alone, as a feed name, as layouts; nested login bodies", "invalid action (socket stays open); 400/413 on /auth/token, never 500",
            $"as expected; healthy client {baseline} -> {during}, p99 {baseline.RatioOf(during)}", "yes: the same socket kept working",
            $"protocol_errors {messages.Length}, auth_failures {httpStatuses.Count}");
    }

    [Fact]
    public async Task Invalid_utf8_closes_only_its_own_socket_with_1007()
    {
        await using var arena = await Arena.StartAsync(_backend);
        const int Attackers = 20;
        var (baseline, during) = await arena.MeasureAsync(async () =>
        {
            for (var i = 0; i < Attackers; i++)
            {
                await using var attacker = await GatewayTestClient.ConnectAsync(arena.Gateway.Ws);
                await attacker.SendAsync([(byte)'{', 0xC3, 0x28, (byte)'}'], WebSocketMessageType.Text);
                await attacker.ReceiveUntilClosedAsync();
                Assert.Equal(WebSocketCloseStatus.InvalidPayloadData, attacker.CloseStatus);
            }
        });
        await Polling.UntilAsync(() => arena.Metrics.ProtocolErrors == Attackers, () => $"{arena.Metrics.ProtocolErrors} counted");
        Record($"{Attackers} text frames that are not UTF-8", "close 1007", $"all closed 1007; healthy client {baseline} -> {during}, p99 {baseline.RatioOf(during)}",
            "yes", $"protocol_errors {Attackers}");
    }

    [Fact]
    public async Task A_subscription_flood_is_bounded_by_the_quota_and_the_message_rate()
    {
        await using var arena = await Arena.StartAsync(_backend,
            "Gateway:MaxSubscriptionsPerClient=50", "Gateway:MessageBurst=60", "Gateway:MessagesPerSecond=0.01");
        const int Flood = 300;
        var replies = new List<JsonElement>();
        var (baseline, during) = await arena.MeasureAsync(async () =>
        {
            await using var attacker = await GatewayTestClient.ConnectAsync(arena.Gateway.Ws);
            var reading = Task.Run(async () =>
            {
                while (replies.Count(r => r.IsStatus("subscribed")) < 50 || replies.Count(r => r.Str("error")?.StartsWith("subscription limit") == true) < 10)
                {
                    replies.Add(await attacker.ReceiveAsync() ?? throw new InvalidOperationException("the attacker was closed"));
                }
            });
            await attacker.SubscribeAsync(Enumerable.Range(0, Flood).Select(i => $"quote:S{i:D4}"));
            await Polling.UntilAsync(() => arena.Metrics.ProtocolErrors >= Flood - 50, () => $"{arena.Metrics.ProtocolErrors} refused");
            await reading;
        });
        // 60 handled (50 subscribed, 10 over the quota), 240 over the rate: every one of the 250 refusals counted.
        Assert.Equal(Flood - 50, arena.Metrics.ProtocolErrors);
        await Polling.UntilAsync(() => arena.Hub.Subscriptions == 1, () => $"{arena.Hub.Subscriptions} subscriptions left");
        Record($"{Flood} subscribe messages for distinct symbols at once (quota 50, burst 60)", "50 subscribed, then quota errors, then rate-limit errors",
            $"{replies.Count(r => r.IsStatus("subscribed"))} subscribed; healthy client {baseline} -> {during}, p99 {baseline.RatioOf(during)}",
            "yes: the attacker's subscriptions released on close", $"protocol_errors {Flood - 50}");
    }

    [Fact]
    public async Task Stalled_readers_and_a_hoarder_are_closed_as_slow_while_the_healthy_client_is_served()
    {
        await using var arena = await Arena.StartAsync(_backend, "Gateway:StallTimeout=00:00:02", "Gateway:SendQueueBytes=1048576");
        const int Stalled = 3;
        string[] big = [.. Enumerable.Range(0, 8).Select(i => $"quote:BIG{i}")];
        var payload = Encoding.UTF8.GetBytes(JsonSerializer.Serialize(new string('x', 256 * 1024)));
        var idle = new List<GatewayTestClient>();
        try
        {
            var (baseline, during) = await arena.MeasureAsync(async () =>
            {
                // Stalled readers want 3 feeds (768 KiB at most waiting, coalesced): closed by the stall timeout once their
                // socket buffers are full. The hoarder wants all 8 (2 MiB): closed by the 1 MiB byte bound of its queue.
                for (var i = 0; i <= Stalled; i++)
                {
                    var client = await GatewayTestClient.ConnectAsync(arena.Gateway.Ws);
                    idle.Add(client);
                    await client.SubscribeAsync(i < Stalled ? big[..3] : big); // and never reads again
                }
                await Polling.UntilAsync(() => arena.Hub.Subscriptions == 1 + Stalled * 3 + big.Length, () => $"{arena.Hub.Subscriptions} subscriptions");
                var version = 0L;
                await Polling.UntilAsync(async () =>
                {
                    version++;
                    _backend.Push([.. big.Select(feed => new ScannerFeedUpdate(feed, payload, version, 0))]);
                    await Task.Delay(50);
                    return arena.Metrics.SlowClientsClosed == Stalled + 1;
                }, () => $"{arena.Metrics.SlowClientsClosed} of {Stalled + 1} idle readers closed");
            });
            await Polling.UntilAsync(() => arena.Metrics.ActiveClients == 1, () => $"{arena.Metrics.ActiveClients} clients");
            Record($"{Stalled} readers that stop reading (3 feeds of 256 KiB) and one that wants 8", "each closed as too slow (stall timeout 2 s; 1 MiB queued), nobody else delayed",
                $"{arena.Metrics.SlowClientsClosed} closed, {arena.Metrics.DroppedStale} stale updates dropped; healthy client {baseline} -> {during}, p99 {baseline.RatioOf(during)}",
                "yes: only the healthy client left", $"slow_clients_closed {Stalled + 1}, dropped_stale");
        }
        finally
        {
            foreach (var client in idle)
            {
                await client.DisposeAsync();
            }
        }
    }

    private static Uri Query(GatewayTestHost gateway, string token) => new($"{gateway.Ws}?token={Uri.EscapeDataString(token)}");

    /// <summary>A token that must not work: tampered, expired (the right key, an hour old), signed by a key the gateway
    /// does not hold (under its key id), or one its user signed out of through the real <c>/auth/logout</c>.</summary>
    private static async Task<string> BadTokenAsync(GatewayTestHost gateway, string attack)
    {
        TokenService Keyed(string secret, TimeProvider clock) => new(Options.Create(new AuthOptions { TokenSecret = secret }), clock);
        switch (attack)
        {
            case "forged":
                var (real, _) = Keyed(Secret, TimeProvider.System).Mint("alice");
                var (other, _) = Keyed(Secret, TimeProvider.System).Mint("bob");
                return real.Split('.')[0] + "." + other.Split('.')[1] + "." + real.Split('.')[2];
            case "expired":
                return Keyed(Secret, new FakeTimeProvider(DateTimeOffset.UtcNow.AddHours(-1))).Mint("alice").Token;
            case "foreign key":
                return Keyed("someone else's secret", TimeProvider.System).Mint("alice").Token;
            default:
                var token = await GatewayTestClient.LogInAsync(gateway.Http, "alice", "wonderland");
                using (var http = gateway.HttpClient())
                {
                    using var logout = new HttpRequestMessage(HttpMethod.Post, "/auth/logout") { Headers = { Authorization = new("Bearer", token) } };
                    Assert.Equal(HttpStatusCode.NoContent, (await http.SendAsync(logout)).StatusCode);
                }
                return token;
        }
    }

    private void Record(string injected, string expected, string observed, string recovered, string lossCounted) =>
        output.WriteLine(FaultReport.Record(Suite, injected, expected, observed, recovered, lossCounted));

    /// <summary>A gateway, its fake cluster and a healthy client measuring a baseline and then the attack.</summary>
    private sealed class Arena : IAsyncDisposable
    {
        private Arena(GatewayTestHost gateway, GatewayTestClient client, HealthyClientProbe probe)
        {
            Gateway = gateway;
            Client = client;
            Probe = probe;
        }

        public GatewayTestHost Gateway { get; }

        public GatewayTestClient Client { get; }

        public HealthyClientProbe Probe { get; }

        public GatewayMetrics Metrics => Gateway.Metrics;

        public Scanner.Gateway.FanOut.ScannerFeedHub Hub => Gateway.Services.GetRequiredService<Scanner.Gateway.FanOut.ScannerFeedHub>();

        public static async Task<Arena> StartAsync(FakeScannerFeedBackend backend, params string[] settings)
        {
            var gateway = await GatewayTestHost.StartAsync(backend, settings);
            var client = settings.Contains("Auth:Enabled=true")
                ? await GatewayTestClient.LogInAndConnectAsync(gateway.Http, "bob", "builder")
                : await GatewayTestClient.ConnectAsync(gateway.Ws);
            var probe = await HealthyClientProbe.StartAsync(client, backend);
            return new Arena(gateway, client, probe);
        }

        /// <summary>The healthy client's latencies for a quiet half second, then while <paramref name="attack"/> runs.</summary>
        public async Task<(HealthyClientProbe.Latencies Baseline, HealthyClientProbe.Latencies During)> MeasureAsync(Func<Task> attack)
        {
            var baseline = await Probe.MeasureAsync(() => Task.Delay(TimeSpan.FromMilliseconds(500)));
            var during = await Probe.MeasureAsync(attack);
            Assert.True(during.Count > 0, "the healthy client received nothing during the attack");
            return (baseline, during);
        }

        public async ValueTask DisposeAsync()
        {
            await Probe.DisposeAsync();
            await Client.DisposeAsync();
            await Gateway.DisposeAsync();
        }
    }
}
