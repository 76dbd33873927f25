using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Scanner.ScannerFeeds;
using Scanner.Pacing;
using Scanner.Persistence;

namespace Scanner.Scanners;

/// <summary>
/// One list feed (key = feed name). A ranking feed merges the shards' top-k lists (pulling every shard's list
/// when it activates) and writes the rows of each new value through to storage before anyone can see it
/// (<see cref="ShownRankingState"/>), so that its next activation never shows older rows; an alert feed keeps the
/// newest alerts (persisted write-behind). Either publishes through <see cref="IScannerFeedPublisher"/> at most once
/// per <see cref="ScannerOptions.FeedPublishInterval"/>, and only when the serialised value changed. An alert list starts empty at the end of its day on the market clock
/// (<see cref="DayRolloverTimer"/>); a ranking empties when its shards send their new day's empty lists.
/// </summary>
public sealed class ScannerFeedGrain(
    [PersistentState("alerts", "scanner")] IPersistentState<AlertListState> state,
    [PersistentState("shown", "scanner")] IPersistentState<ShownRankingState> shown,
    IScannerFeedPublisher publisher,
    StateWriteFailures writeFailures,
    TimeProvider time,
    IOptions<ScannerOptions> options)
    : Grain, IScannerFeedGrain
{
    private readonly ScannerOptions _options = options.Value;
    private string _feed = "";
    private RankingFeed? _ranking;
    private AlertList? _alerts;
    private ScannerFeedUpdate? _current;
    private long _version;
    private long _publishedVersion;
    private bool _changed;
    private WriteBehind<AlertListState>? _writeBehind;
    private DayRolloverTimer? _rollover;
    private Pacer _publishPacer = null!;
    private IGrainTimer _publishTimer = null!;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _feed = this.GetPrimaryKeyString();
        _version = time.GetUtcNow().ToUnixTimeMilliseconds() * 1000;
        _publishPacer = new Pacer(_options.FeedPublishInterval, time);
        _publishTimer = this.RegisterGrainTimer(OnPublishTimerAsync, new GrainTimerCreationOptions(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan));
        if (RankingScanner.Find(_feed) is { } scanner)
        {
            _ranking = new RankingFeed(scanner, shown.State.Rows);
            var pulls = Enumerable.Range(0, _options.ShardCount)
                .Select(shard => GrainFactory.GetGrain<IRankingShardGrain>(shard).GetTop(_feed));
            foreach (var ranking in await Task.WhenAll(pulls))
            {
                _changed |= _ranking.Update(ranking);
            }
        }
        else
        {
            _alerts = new AlertList();
            _changed = _alerts.Add(state.State.Alerts);
            var alerts = _alerts;
            _writeBehind = new WriteBehind<AlertListState>(
                state, () => new AlertListState { Alerts = [.. alerts.OldestFirst], ClockOffset = _rollover!.Clock.OffsetMs }, _feed, writeFailures);
            _writeBehind.Start(this, _options.PersistInterval);
            _rollover = new DayRolloverTimer(new MarketDayClock(time, state.State.ClockOffset), time);
            _rollover.Start(this, () => alerts.TradingDay, RollOver);
        }
        if (_changed)
        {
            await PublishAsync();
        }
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken) =>
        _writeBehind?.FlushAsync(cancellationToken) ?? Task.CompletedTask;

    public Task UpdateRanking(ShardRanking ranking)
    {
        if (_ranking is null)
        {
            throw new InvalidOperationException($"{_feed} is not a ranking feed");
        }
        if (_ranking.Update(ranking))
        {
            OnChanged();
        }
        return Task.CompletedTask;
    }

    public Task AddAlerts(ScannerAlert[] alerts)
    {
        if (_alerts is null)
        {
            throw new InvalidOperationException($"{_feed} is not an alert feed");
        }
        if (_alerts.Add(alerts))
        {
            _writeBehind!.MarkDirty();
            OnChanged();
        }
        foreach (var alert in alerts)
        {
            _rollover!.Clock.Observe(alert.Timestamp);
        }
        _rollover!.Update();
        return Task.CompletedTask;
    }

    public Task StartDay(int tradingDay)
    {
        if (_alerts is not null)
        {
            RollOver(tradingDay);
        }
        return Task.CompletedTask;
    }

    private void RollOver(int tradingDay)
    {
        if (_alerts!.RollOver(tradingDay))
        {
            _writeBehind!.MarkDirty();
            OnChanged();
        }
    }

    public async Task<ScannerFeedUpdate?> GetFeed(string feed)
    {
        if (feed != _feed)
        {
            return null;
        }
        if (_changed || _current is null)
        {
            await BuildAsync(); // a reader never waits for the publication pacing; a feed with nothing in it is an empty list
        }
        return _current;
    }

    /// <summary>
    /// Schedules the publication: on the timer even when due (then in a millisecond), because a ranking is stored
    /// before it is published, which a caller such as the day rollover cannot wait for.
    /// </summary>
    private void OnChanged()
    {
        _changed = true;
        if (_publishPacer.Schedule() is { } wait)
        {
            _publishTimer.Change(wait, Timeout.InfiniteTimeSpan);
        }
    }

    private Task OnPublishTimerAsync(CancellationToken cancellationToken)
    {
        _publishPacer.TimerFired();
        return PublishAsync();
    }

    private async Task PublishAsync()
    {
        _publishPacer.Acted();
        if (_changed)
        {
            await BuildAsync();
        }
        // A value built early for a reader (GetFeed) is still published here.
        if (_current is { } update && update.Version != _publishedVersion)
        {
            _publishedVersion = update.Version;
            if (publisher.IsWanted(_feed))
            {
                publisher.Publish(update);
            }
        }
    }

    /// <summary>
    /// Serialises the feed, keeping the previous value (and version) when nothing visible changed. A new ranking is
    /// written through before this turn ends, so before anyone can see it; a failed write is counted and the value
    /// is still published (the next one is written again).
    /// </summary>
    private async Task BuildAsync()
    {
        _changed = false;
        if (_ranking is null)
        {
            Take(ScannerAlertJson.ToArray(_alerts!.NewestFirst()));
        }
        else
        {
            var rows = _ranking.Current();
            if (Take(ScannerRowJson.ToArray(rows)))
            {
                await shown.TryWriteAsync(new ShownRankingState { Rows = rows }, $"ranking feed {_feed}", writeFailures, CancellationToken.None);
            }
        }
    }

    /// <summary>Makes <paramref name="payload"/> the current value when it differs from it; true when it did.</summary>
    private bool Take(byte[] payload)
    {
        if (_current is not null && _current.Payload.AsSpan().SequenceEqual(payload))
        {
            return false;
        }
        _current = new ScannerFeedUpdate(_feed, payload, ++_version, time.GetUtcNow().ToUnixTimeMilliseconds());
        return true;
    }
}
