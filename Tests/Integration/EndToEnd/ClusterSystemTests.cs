using System.Net.Http.Json;
using System.Text.Json;
using Scanner.ScannerFeeds;
using Scanner.Tests.Support.Launcher;
using Scanner.Tests.Support.Gateway;

namespace Scanner.Tests.Integration.EndToEnd;

/// <summary>
/// Two silo processes in one Redis-clustered cluster, RabbitMQ streams, Redis state and a gateway process, fed by
/// the replayed day: what a trader's browser sees, and what happens when the silo holding the feed dies.
/// </summary>
public class ClusterSystemTests
{
    [Fact]
    public async Task A_trader_sees_the_replayed_day_and_the_feed_survives_the_listening_silo_dying()
    {
        await using var system = await TestSystem.StartAsync(silos: 2);
        try
        {
            await using var client = await GatewayTestClient.LogInAndConnectAsync(system.GatewayUri, TestSystem.User, TestSystem.Password);
            await client.SendAsync(new { action = "subscribe", feed = ScannerFeedNames.TopVolume });
            await client.SendAsync(new { action = "subscribe", feed = "quote:SPY" });

            var ranking = await client.WaitForUpdateAsync(ScannerFeedNames.TopVolume, d => d.GetArrayLength() == 4, TimeSpan.FromMinutes(3));
            var symbols = ranking.GetProperty("data").EnumerateArray().Select(r => r.GetProperty("symbol").GetString()).ToList();
            Assert.Equal(["AIG", "BAC", "IBM", "SPY"], symbols.Order());

            var quote = await client.WaitForUpdateAsync("quote:SPY", d => d.GetProperty("accumulated_volume").GetInt64() > 0, TimeSpan.FromMinutes(1));
            var volumeBefore = quote.GetProperty("data").GetProperty("accumulated_volume").GetInt64();

            // The silo holding the listener lease dies; the other takes the lease over and the data keeps coming.
            var listening = await ListeningSiloAsync(system);
            await system.KillSiloAsync(listening);
            await client.WaitForUpdateAsync(
                "quote:SPY", d => d.GetProperty("accumulated_volume").GetInt64() > volumeBefore, TimeSpan.FromMinutes(3));
            Assert.NotEqual(listening, await ListeningSiloAsync(system));
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            throw new Xunit.Sdk.XunitException($"{ex.Message}\n{system.Logs()}");
        }
    }

    /// <summary>The index of the silo whose listener is streaming, waiting for one.</summary>
    private static async Task<int> ListeningSiloAsync(ScannerSystem system)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var listening = -1;
        await Polling.UntilAsync(async () => (listening = await StreamingSiloAsync(http, system.SiloHealth)) >= 0,
            () => "no silo's listener is streaming");
        return listening;
    }

    private static async Task<int> StreamingSiloAsync(HttpClient http, IReadOnlyList<Uri> siloHealth)
    {
        for (var i = 0; i < siloHealth.Count; i++)
        {
            try
            {
                var health = await http.GetFromJsonAsync<JsonElement>(siloHealth[i]);
                if (health.GetProperty("listener").GetProperty("state").GetString() == "Streaming")
                {
                    return i;
                }
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
            }
        }
        return -1;
    }
}
