using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Scanner.Persistence;

namespace Scanner.Scanners;

/// <summary>
/// Keeps the latest row of its symbols (persisted write-behind, so a reactivated shard or a deactivated ticker
/// loses nothing), and on a timer sends each scanner feed this shard's new top-k when it changed, plus the alerts
/// gathered since the last tick. Rows of an older trading day are dropped when a row of a newer day arrives, or at
/// the end of the day on the market clock (<see cref="DayRolloverTimer"/>) when none does: then every list is sent empty.
/// </summary>
public sealed partial class RankingShardGrain(
    [PersistentState("shard", "scanner")] IPersistentState<RankingShardState> state,
    StateWriteFailures writeFailures,
    IOptions<ScannerOptions> options,
    TimeProvider time,
    ILogger<RankingShardGrain> logger)
    : Grain, IRankingShardGrain
{
    private readonly ScannerOptions _options = options.Value;
    private readonly Dictionary<string, List<ScannerAlert>> _pendingAlerts = [];
    private readonly Dictionary<string, ScannerRow[]> _sent = [];
    private ShardRows _rows = null!;
    private WriteBehind<RankingShardState> _writeBehind = null!;
    private DayRolloverTimer _rollover = null!;
    private bool _rankingDirty;
    private bool _dayStarted;

    private int Shard => (int)this.GetPrimaryKeyLong();

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        state.State.Rows = new Dictionary<string, ScannerRow>(state.State.Rows, StringComparer.Ordinal);
        _rows = new ShardRows(state.State);
        _rankingDirty = state.State.Rows.Count > 0;
        this.RegisterGrainTimer(MergeAsync, new GrainTimerCreationOptions(_options.ShardMergeInterval, _options.ShardMergeInterval));
        _writeBehind = new WriteBehind<RankingShardState>(state, () => state.State, $"ranking shard {Shard}", writeFailures);
        _writeBehind.Start(this, _options.PersistInterval);
        _rollover = new DayRolloverTimer(new MarketDayClock(time, state.State.ClockOffset), time);
        _rollover.Start(this, () => state.State.TradingDay, StartDay);
        return Task.CompletedTask;
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        await MergeAsync(cancellationToken);
        await _writeBehind.FlushAsync(cancellationToken);
    }

    public Task Report(ShardReport[] reports)
    {
        foreach (var report in reports)
        {
            Apply(report);
            _rollover.Clock.Observe(report.Row.LastEventTimestamp);
        }
        state.State.ClockOffset = _rollover.Clock.OffsetMs;
        _rollover.Update();
        return Task.CompletedTask;
    }

    private void Apply(ShardReport report)
    {
        var outcome = _rows.Apply(report.Row, report.Version);
        if (!outcome.CurrentDay)
        {
            return;
        }
        if (outcome.StartedDay)
        {
            DayStarted();
        }
        if (outcome.RowTaken)
        {
            _rankingDirty = true;
            _writeBehind.MarkDirty();
        }
        else if (outcome.RefusedOlder)
        {
            Ticker.TickerMetrics.OlderRowsRefused.Add(1);
        }
        // Alerts always count, even when the row came late or behind.
        foreach (var alert in report.Alerts)
        {
            var feed = AlertFeeds.FeedOf(alert.Kind);
            if (!_pendingAlerts.TryGetValue(feed, out var list))
            {
                _pendingAlerts[feed] = list = [];
            }
            list.Add(alert);
        }
    }

    /// <summary>The day ended on the clock, with no report of the new one.</summary>
    private void StartDay(int day)
    {
        _rows.StartDay(day);
        DayStarted();
    }

    /// <summary>The rows of the day that ended are gone; its alerts go too, and the next merge sends every list, empty.</summary>
    private void DayStarted()
    {
        foreach (var pending in _pendingAlerts.Values)
        {
            pending.Clear();
        }
        _rankingDirty = true;
        _dayStarted = true;
        _writeBehind.MarkDirty();
    }

    public Task<ShardRanking> GetTop(string feed)
    {
        var scanner = RankingScanner.Find(feed) ?? throw new ArgumentException($"{feed} is not a ranking feed", nameof(feed));
        return Task.FromResult(new ShardRanking(Shard, state.State.TradingDay, TopK.Select(state.State.Rows.Values, scanner)));
    }

    public Task<ScannerRow[]> GetRows() => Task.FromResult(state.State.Rows.Values.ToArray());

    public Task<ScannerRow?> GetRow(string symbol) => Task.FromResult(_rows.Find(symbol));

    private async Task MergeAsync(CancellationToken cancellationToken)
    {
        var calls = new List<Task>();
        if (_rankingDirty)
        {
            _rankingDirty = false;
            foreach (var scanner in RankingScanner.All)
            {
                var top = TopK.Select(state.State.Rows.Values, scanner);
                if (_sent.TryGetValue(scanner.Feed, out var previous) && previous.AsSpan().SequenceEqual(top))
                {
                    continue;
                }
                _sent[scanner.Feed] = top;
                calls.Add(Send(scanner.Feed, GrainFactory.GetGrain<IScannerFeedGrain>(scanner.Feed)
                    .UpdateRanking(new ShardRanking(Shard, state.State.TradingDay, top))));
            }
        }
        if (_dayStarted)
        {
            // The alert feeds learn of the new day even when no alert of it comes.
            _dayStarted = false;
            foreach (var feed in AlertFeeds.All)
            {
                calls.Add(Send(feed, GrainFactory.GetGrain<IScannerFeedGrain>(feed).StartDay(state.State.TradingDay)));
            }
        }
        foreach (var (feed, alerts) in _pendingAlerts)
        {
            if (alerts.Count > 0)
            {
                var batch = alerts.ToArray();
                alerts.Clear();
                calls.Add(Send(feed, GrainFactory.GetGrain<IScannerFeedGrain>(feed).AddAlerts(batch)));
            }
        }
        await Task.WhenAll(calls);
    }

    private async Task Send(string feed, Task call)
    {
        try
        {
            await call;
        }
        catch (Exception ex)
        {
            // The feed pulls every shard's top-k when it activates again; force a resend of rankings next tick.
            LogSendFailed(logger, ex, Shard, feed);
            _sent.Remove(feed);
            _rankingDirty = true;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Ranking shard {Shard} could not send to {Feed}")]
    private static partial void LogSendFailed(ILogger logger, Exception exception, int shard, string feed);
}
