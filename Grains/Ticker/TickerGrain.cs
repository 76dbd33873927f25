using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Streams;
using Orleans.Streams.Core;
using Scanner.Feeds;
using Scanner.Hydration;
using Scanner.MarketData;
using Scanner.Persistence;
using Scanner.Scanners;

namespace Scanner.Ticker;

/// <summary>
/// A thin shell around one symbol's <see cref="TickerDay"/>: fed by implicit subscriptions to the symbol's streams
/// of every data kind, it hands its row and alerts to the silo's <see cref="RankingReporter"/> for its ranking
/// shard (at once, then at most every <see cref="ScannerOptions.ReportInterval"/>), publishes <c>quote:{SYM}</c> and <c>daily_range:{SYM}</c> the same
/// way when some gateway wants them, writes its state behind on a timer, and hydrates the day's reference data in
/// the background so the stream never waits for it.
/// </summary>
[ImplicitStreamSubscription(MarketDataStreams.Trades)]
[ImplicitStreamSubscription(MarketDataStreams.Quotes)]
[ImplicitStreamSubscription(MarketDataStreams.Aggregates)]
[ImplicitStreamSubscription(MarketDataStreams.Halts)]
[ImplicitStreamSubscription(MarketDataStreams.Other)]
public sealed partial class TickerGrain(
    [PersistentState("ticker", "scanner")] IPersistentState<TickerDayState> state,
    IFeedPublisher publisher,
    RankingReporter reporter,
    IReferenceDataSource referenceData,
    IOptions<ScannerOptions> options,
    ILogger<TickerGrain> logger)
    : Grain, ITickerGrain, IStreamSubscriptionObserver, IAsyncBatchObserver<FeedEvent>
{
    private readonly ScannerOptions _options = options.Value;
    private readonly List<ScannerAlert> _pendingAlerts = [];
    private TickerDay _day = null!;
    private IGrainTimer _flushTimer = null!;
    private IGrainTimer _hydrationTimer = null!;
    private string _quoteFeed = "";
    private string _rangeFeed = "";
    private bool _rowDirty;
    private bool _rangeDirty;
    private bool _stateDirty;
    private bool _flushScheduled;
    private long _lastFlush = long.MinValue / 2;
    private long _version;
    private bool _hydrating;
    private bool _hydrationRetryPending;
    private int _hydrationFailures;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var symbol = this.GetPrimaryKeyString();
        _day = new TickerDay(symbol, _options.Momentum, state.RecordExists ? state.State : null);
        _quoteFeed = FeedNames.Quote(symbol);
        _rangeFeed = FeedNames.DailyRange(symbol);
        // Versions keep increasing across activations: start from the wall clock.
        _version = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() * 1000;
        this.RegisterGrainTimer(PersistAsync, new GrainTimerCreationOptions(_options.PersistInterval, _options.PersistInterval));
        _flushTimer = this.RegisterGrainTimer(OnFlushTimerAsync, new GrainTimerCreationOptions(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan));
        _hydrationTimer = this.RegisterGrainTimer(OnHydrationTimer, new GrainTimerCreationOptions(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan));
        StartHydrationIfNeeded();
        return Task.CompletedTask;
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        Flush();
        await PersistAsync(cancellationToken);
    }

    public async Task OnSubscribed(IStreamSubscriptionHandleFactory handleFactory) =>
        await handleFactory.Create<FeedEvent>().ResumeAsync(this);

    public Task OnNextAsync(IList<SequentialItem<FeedEvent>> items)
    {
        var changes = TickerChanges.None;
        var (duplicates, stale) = (_day.DuplicateEvents, _day.StaleEvents);
        foreach (var item in items)
        {
            changes |= _day.Apply(item.Item, _pendingAlerts);
        }
        TickerMetrics.Events.Add(items.Count);
        if (_day.DuplicateEvents != duplicates || _day.StaleEvents != stale)
        {
            TickerMetrics.Duplicates.Add(_day.DuplicateEvents - duplicates);
            TickerMetrics.Stale.Add(_day.StaleEvents - stale);
        }
        if (changes == TickerChanges.None && _pendingAlerts.Count == 0)
        {
            return Task.CompletedTask;
        }
        _stateDirty = true;
        _rowDirty |= (changes & TickerChanges.Row) != 0;
        _rangeDirty |= (changes & TickerChanges.Range) != 0;
        StartHydrationIfNeeded();
        if (Environment.TickCount64 - _lastFlush >= (long)_options.ReportInterval.TotalMilliseconds)
        {
            Flush();
        }
        else
        {
            ScheduleFlush();
        }
        return Task.CompletedTask;
    }

    public Task OnErrorAsync(Exception ex)
    {
        LogStreamError(logger, ex, _day.Symbol);
        return Task.CompletedTask;
    }

    public Task<TickerSnapshot> GetSnapshot() => Task.FromResult(_day.ToSnapshot());

    public Task<FeedUpdate?> GetFeed(string feed)
    {
        if (_day.Day == 0)
        {
            return Task.FromResult<FeedUpdate?>(null);
        }
        var payload = feed == _quoteFeed ? ScannerRowJson.ToObject(_day.ToRow())
            : feed == _rangeFeed ? DailyRangeJson.ToObject(_day.ToSnapshot())
            : null;
        return Task.FromResult(payload is null
            ? null
            : new FeedUpdate(feed, payload, _version, DateTimeOffset.UtcNow.ToUnixTimeMilliseconds()));
    }

    private void ScheduleFlush()
    {
        if (_flushScheduled)
        {
            return;
        }
        _flushScheduled = true;
        var wait = _options.ReportInterval.TotalMilliseconds - (Environment.TickCount64 - _lastFlush);
        _flushTimer.Change(TimeSpan.FromMilliseconds(Math.Max(1, wait)), Timeout.InfiniteTimeSpan);
    }

    private Task OnFlushTimerAsync(CancellationToken cancellationToken)
    {
        _flushScheduled = false;
        Flush();
        return Task.CompletedTask;
    }

    /// <summary>Hands the row and pending alerts to the silo's ranking reporter and publishes the symbol's wanted feeds.</summary>
    private void Flush()
    {
        if (!_rowDirty && !_rangeDirty && _pendingAlerts.Count == 0)
        {
            return;
        }
        _lastFlush = Environment.TickCount64;
        var now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        var row = _day.ToRow();
        if (_rowDirty && publisher.IsWanted(_quoteFeed))
        {
            publisher.Publish(new FeedUpdate(_quoteFeed, ScannerRowJson.ToObject(row), ++_version, now));
        }
        if (_rangeDirty && publisher.IsWanted(_rangeFeed))
        {
            publisher.Publish(new FeedUpdate(_rangeFeed, DailyRangeJson.ToObject(_day.ToSnapshot()), ++_version, now));
        }
        _rangeDirty = false;
        if (!_rowDirty && _pendingAlerts.Count == 0)
        {
            return;
        }
        var alerts = _pendingAlerts.Count == 0 ? [] : _pendingAlerts.ToArray();
        _pendingAlerts.Clear();
        _rowDirty = false;
        reporter.Submit(new ShardReport(row, alerts, ++_version));
        TickerMetrics.Reports.Add(1);
    }

    private async Task PersistAsync(CancellationToken cancellationToken)
    {
        if (!_stateDirty)
        {
            return;
        }
        try
        {
            state.State = _day.State;
            await state.WriteStateAsync(cancellationToken);
            _stateDirty = false;
        }
        catch (Exception ex)
        {
            StateWriteFailures.Record();
            LogPersistFailed(logger, ex, _day.Symbol);
        }
    }

    private void StartHydrationIfNeeded()
    {
        if (_hydrating || _hydrationRetryPending || !_day.NeedsReference)
        {
            return;
        }
        _hydrating = true;
        // Not awaited: the stream keeps flowing; the continuation runs on this activation when the data arrives.
        _ = HydrateAsync(_day.Day);
    }

    private async Task HydrateAsync(int day)
    {
        try
        {
            var reference = await referenceData.LoadAsync(_day.Symbol, MarketClock.FromNumber(day), CancellationToken.None);
            _hydrationFailures = 0;
            if (_day.ApplyReference(reference))
            {
                _rowDirty = true;
                _stateDirty = true;
                ScheduleFlush();
            }
            else if (_day.Day == day)
            {
                throw new HydrationException($"Reference data of {_day.Symbol} is for {reference.TradingDay}, not {day}");
            }
        }
        catch (Exception ex)
        {
            _hydrationFailures++;
            TickerMetrics.HydrationFailures.Add(1);
            var wait = TimeSpan.FromTicks(Math.Min(
                _options.HydrationRetryMax.Ticks,
                _options.HydrationRetry.Ticks * (1L << Math.Min(_hydrationFailures - 1, 16))));
            LogHydrationFailed(logger, ex, _day.Symbol, _hydrationFailures, wait);
            _hydrationRetryPending = true;
            _hydrationTimer.Change(wait, Timeout.InfiniteTimeSpan);
        }
        finally
        {
            _hydrating = false;
        }
        StartHydrationIfNeeded(); // the day may have rolled over while this load was in flight
    }

    private Task OnHydrationTimer(CancellationToken cancellationToken)
    {
        _hydrationRetryPending = false;
        StartHydrationIfNeeded();
        return Task.CompletedTask;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Stream error for {Symbol}")]
    private static partial void LogStreamError(ILogger logger, Exception exception, string symbol);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Writing the state of {Symbol} failed; will retry")]
    private static partial void LogPersistFailed(ILogger logger, Exception exception, string symbol);

    [LoggerMessage(Level = LogLevel.Information, Message = "Hydration of {Symbol} failed ({Failures} in a row); retrying in {Wait}")]
    private static partial void LogHydrationFailed(ILogger logger, Exception exception, string symbol, int failures, TimeSpan wait);
}
