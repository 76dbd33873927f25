using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Scanner.ScannerFeeds;
using Scanner.Pacing;
using Scanner.Persistence;

namespace Scanner.Scanners;

/// <summary>
/// One list feed (key = feed name). A ranking feed merges the shards' top-k lists (pulling every shard's list
/// when it activates); an alert feed keeps the newest alerts (persisted write-behind). Either publishes through
/// <see cref="IScannerFeedPublisher"/> at most once per <see cref="ScannerOptions.FeedPublishInterval"/>, and only when
/// the serialised value changed. An alert list starts empty at the end of its day on the market clock
/// (<see cref="DayRolloverTimer"/>); a ranking empties when its shards send their new day's empty lists.
/// </summary>
public sealed class ScannerFeedGrain(
    [PersistentState("alerts", "scanner")] IPersistentState<AlertListState> state,
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
    private PacedAction _publishing = null!;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _feed = this.GetPrimaryKeyString();
        _version = time.GetUtcNow().ToUnixTimeMilliseconds() * 1000;
        _publishing = new PacedAction(this, _options.FeedPublishInterval, time, Publish);
        if (RankingScanner.Find(_feed) is { } scanner)
        {
            _ranking = new RankingFeed(scanner);
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
            _publishing.Request(); // the first request runs at once
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

    public Task<ScannerFeedUpdate?> GetFeed(string feed)
    {
        if (feed != _feed)
        {
            return Task.FromResult<ScannerFeedUpdate?>(null);
        }
        if (_changed || _current is null)
        {
            Build(); // a reader never waits for the publication pacing; a feed with nothing in it is an empty list
        }
        return Task.FromResult(_current);
    }

    private void OnChanged()
    {
        _changed = true;
        _publishing.Request();
    }

    private void Publish()
    {
        if (_changed)
        {
            Build();
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

    /// <summary>Serialises the feed, keeping the previous value (and version) when nothing visible changed.</summary>
    private void Build()
    {
        _changed = false;
        var payload = _ranking is not null
            ? ScannerRowJson.ToArray(_ranking.Current())
            : ScannerAlertJson.ToArray(_alerts!.NewestFirst());
        if (_current is null || !_current.Payload.AsSpan().SequenceEqual(payload))
        {
            _current = new ScannerFeedUpdate(_feed, payload, ++_version, time.GetUtcNow().ToUnixTimeMilliseconds());
        }
    }
}
