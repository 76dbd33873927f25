using System.Diagnostics;
using Scanner.ScannerFeeds;
using Scanner.Tests.Support.Gateway;
using Scanner.Tests.Support.Launcher;
using Scanner.Tests.Support.Measuring;
using Scanner.Tests.Support.Reporting;
using Xunit.Abstractions;

namespace Scanner.Tests.Integration.EndToEnd;

/// <summary>
/// The gateway process is killed under connected clients and started again: the clients notice, reconnect as the
/// page does, and are served again, and no row they see goes back. The gateway holds no state of its own.
/// </summary>
public class GatewayRestartTests(ITestOutputHelper output)
{
    private const int Clients = 3;
    private static readonly string[] Feeds = [ScannerFeedNames.TopVolume, "quote:SPY"];

    [Fact]
    public async Task Clients_of_a_killed_gateway_reconnect_to_its_restart_and_are_served_again()
    {
        await using var system = await TestSystem.StartAsync(silos: 1);
        // One watch per client: clients are read concurrently, so only each client's own rows are in order.
        var before = Enumerable.Range(0, Clients).Select(_ => new RowRegressionWatch()).ToArray();
        var clients = new List<FeedWatcher>();
        try
        {
            foreach (var watch in before)
            {
                clients.Add(await FeedWatcher.StartAsync(system.GatewayUri, Feeds, watch));
            }
            await Polling.UntilAsync(() => clients.All(c => c.Latest("quote:SPY") is not null), () => "every client served SPY's quote", TimeSpan.FromMinutes(3));
            await MovingOnAsync(before, "every client's rows moving on before the kill");

            var killed = Stopwatch.StartNew();
            await system.RestartAsync(system.Gateway);
            var restarted = killed.Elapsed;
            await Task.WhenAll(clients.Select(c => c.Ended)).WaitAsync(TimeSpan.FromMinutes(1));
            foreach (var gone in clients)
            {
                await gone.DisposeAsync();
            }
            clients.Clear();
            // The reconnected clients start from everything any client saw before the kill: those reads have all ended.
            var after = before.Select(_ => RowRegressionWatch.After(before)).ToArray();
            foreach (var watch in after)
            {
                clients.Add(await FeedWatcher.StartAsync(system.GatewayUri, Feeds, watch));
            }
            await Polling.UntilAsync(() => clients.All(c => c.Latest("quote:SPY") is not null && c.Latest(ScannerFeedNames.TopVolume) is not null),
                () => "every reconnected client served again", TimeSpan.FromMinutes(1));
            var servedAgain = killed.Elapsed;
            // Past the values handed over on subscribe (never older than anything shown before the kill, as the watches
            // start there), to the updates that follow them: where issue 11 was seen.
            await MovingOnAsync(after, "every reconnected client's rows moving on");

            RowRegressionWatch[] watches = [.. before, .. after];
            var regressions = watches.SelectMany((w, i) => w.Regressions.Select(r => $"client {i % Clients + 1} {(i < Clients ? "before" : "after")} the restart: {r}")).ToList();
            var observed = $"gateway answering again {restarted.TotalSeconds:0.0} s after the kill, all {Clients} clients reconnected and served " +
                $"after {servedAgain.TotalSeconds:0.0} s; {watches.Sum(w => w.Rows)} rows seen, {regressions.Count} went back";
            output.WriteLine(FaultReport.Record("gateway loss", $"SIGKILL and restart of the gateway under {Clients} connected clients",
                "clients see the connection end, reconnect and get every feed's current value again", observed, "yes (clients reconnect)",
                "nothing to lose: feeds resend their current value on subscribe; updates during the gap are superseded"));
            foreach (var regression in regressions)
            {
                output.WriteLine($"went back: {regression}");
            }
            Assert.True(regressions.Count == 0, string.Join("\n", regressions));
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            throw new Xunit.Sdk.XunitException($"{ex.Message}\n{system.Logs()}");
        }
        finally
        {
            foreach (var client in clients)
            {
                await client.DisposeAsync();
            }
        }
    }

    /// <summary>Waits until every watch has seen a row newer than the newest it had seen when called.</summary>
    private static Task MovingOnAsync(RowRegressionWatch[] watches, string what)
    {
        var seen = watches.Select(w => w.NewestEvent).ToArray();
        return Polling.UntilAsync(() => watches.Select((w, i) => w.NewestEvent > seen[i]).All(moved => moved), () => what, TimeSpan.FromMinutes(1));
    }
}
