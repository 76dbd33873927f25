using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Scanner.Feeds;
using Scanner.Persistence;

namespace Scanner.Scanners;

/// <summary>
/// One list feed (key = feed name). A ranking feed merges the shards' top-k lists (pulling every shard's list
/// when it activates); an alert feed keeps the newest alerts (persisted write-behind). Either publishes through
/// <see cref="IFeedPublisher"/> at most once per <see cref="ScannerOptions.FeedPublishInterval"/>, and only when
/// the serialised value changed.
/// </summary>
public sealed partial class ScannerFeedGrain(
    [PersistentState("alerts", "scanner")] IPersistentState<AlertListState> state,
    IFeedPublisher publisher,
    IOptions<ScannerOptions> options,
    ILogger<ScannerFeedGrain> logger)
    : Grain, IScannerFeedGrain
{
    private readonly ScannerOptions _options = options.Value;
    private string _feed = "";
    private RankingFeed? _ranking;
    private AlertList? _alerts;
    private FeedUpdate? _current;
    private long _version;
    private long _publishedVersion;
    private bool _changed;
    private bool _stateDirty;
    private bool _publishScheduled;
    private long _lastPublish = long.MinValue / 2;
    private IGrainTimer _publishTimer = null!;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _feed = this.GetPrimaryKeyString();
        _version = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() * 1000;
        _publishTimer = this.RegisterGrainTimer(OnPublishTimerAsync, new GrainTimerCreationOptions(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan));
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
            this.RegisterGrainTimer(PersistAsync, new GrainTimerCreationOptions(_options.PersistInterval, _options.PersistInterval));
        }
        if (_changed)
        {
            Publish();
        }
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken) =>
        PersistAsync(cancellationToken);

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
            _stateDirty = true;
            OnChanged();
        }
        return Task.CompletedTask;
    }

    public Task<FeedUpdate?> GetFeed(string feed)
    {
        if (feed != _feed)
        {
            return Task.FromResult<FeedUpdate?>(null);
        }
        if (_changed)
        {
            Build(); // a reader never waits for the publication pacing
        }
        return Task.FromResult(_current);
    }

    private void OnChanged()
    {
        _changed = true;
        var wait = (long)_options.FeedPublishInterval.TotalMilliseconds - (Environment.TickCount64 - _lastPublish);
        if (wait <= 0)
        {
            Publish();
        }
        else if (!_publishScheduled)
        {
            _publishScheduled = true;
            _publishTimer.Change(TimeSpan.FromMilliseconds(wait), Timeout.InfiniteTimeSpan);
        }
    }

    private Task OnPublishTimerAsync(CancellationToken cancellationToken)
    {
        _publishScheduled = false;
        Publish();
        return Task.CompletedTask;
    }

    private void Publish()
    {
        _lastPublish = Environment.TickCount64;
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
            _current = new FeedUpdate(_feed, payload, ++_version, DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());
        }
    }

    private async Task PersistAsync(CancellationToken cancellationToken)
    {
        if (!_stateDirty || _alerts is null)
        {
            return;
        }
        try
        {
            state.State.Alerts = [.. _alerts.OldestFirst];
            await state.WriteStateAsync(cancellationToken);
            _stateDirty = false;
        }
        catch (Exception ex)
        {
            StateWriteFailures.Record();
            LogPersistFailed(logger, ex, _feed);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Writing alert feed {Feed} failed; will retry")]
    private static partial void LogPersistFailed(ILogger logger, Exception exception, string feed);
}
