using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Streams;
using Orleans.Streams.Core;
using Scanner.ScannerFeeds;
using Scanner.Hydration;
using Scanner.MarketData;
using Scanner.Pacing;
using Scanner.Persistence;
using Scanner.Scanners;
using Scanner.Ticker.Chart;
using Scanner.Ticker.Tape;

namespace Scanner.Ticker;

/// <summary>
/// A thin shell around one symbol's <see cref="TickerDay"/>: fed by implicit subscriptions to the symbol's streams
/// of every data kind, it hands its row and alerts to the silo's <see cref="RankingReporter"/> for its ranking
/// shard (at once, then at most every <see cref="ScannerOptions.ReportInterval"/>), publishes <c>quote:{SYM}</c> and <c>daily_range:{SYM}</c> the same
/// way when some gateway wants them, and the trader's page feeds <c>chart:{SYM}</c> (at most once a second) and
/// <c>trades:{SYM}</c> (at most every 250 ms, the tape kept only while watched), writes its state behind (<see cref="WriteBehind{TState}"/>), and hydrates
/// the day's reference data in the background (<see cref="TickerHydration"/>) so the stream never waits for it.
/// The day ends at 04:00 New York of the next trading day on the market clock (<see cref="DayRolloverTimer"/>), with
/// no event: the emptied row is reported (so the rankings lose it) and <c>quote:{SYM}</c> has no value until the
/// symbol's first event of the new day. A watched quote is published only once the state holding it is stored, so a
/// reactivation after a silo loss never shows an older quote (<see cref="WriteThrough{TState}"/>); reactivated with stored
/// state, it also shows its shard's row as a floor until its own row has caught up (<see cref="RowFloor"/>), so
/// neither its quote nor its report goes behind what the rankings showed.
/// </summary>
[ImplicitStreamSubscription(MarketDataStreams.Trades)]
[ImplicitStreamSubscription(MarketDataStreams.Quotes)]
[ImplicitStreamSubscription(MarketDataStreams.Aggregates)]
[ImplicitStreamSubscription(MarketDataStreams.Halts)]
[ImplicitStreamSubscription(MarketDataStreams.Other)]
public sealed partial class TickerGrain(
    [PersistentState("ticker", "scanner")] IPersistentState<TickerDayState> state,
    IScannerFeedPublisher publisher,
    RankingReporter reporter,
    IReferenceDataSource referenceData,
    StateWriteFailures writeFailures,
    TimeProvider time,
    IOptions<ScannerOptions> options,
    IOptions<HydrationOptions> hydrationOptions,
    ILogger<TickerGrain> logger)
    : Grain, ITickerGrain, IStreamSubscriptionObserver, IAsyncBatchObserver<MarketEvent>
{
    /// <summary>The contract's cadences of the page feeds (docs/contracts/client-protocol.md).</summary>
    private static readonly TimeSpan ChartInterval = TimeSpan.FromSeconds(1), TapeInterval = TimeSpan.FromMilliseconds(250);

    /// <summary>How long a tape outlives its last sign of interest: a get comes before the silo learns of the subscription.</summary>
    private static readonly TimeSpan TapeGrace = TimeSpan.FromSeconds(10);

    private readonly ScannerOptions _options = options.Value;
    private readonly List<ScannerAlert> _pendingAlerts = [];
    private readonly RowFloor _floor = new();
    private TickerDay _day = null!;
    private WriteBehind<TickerDayState> _writeBehind = null!;
    private WriteThrough<TickerDayState> _quote = null!;
    private TickerHydration _hydration = null!;
    private PacedAction _reporting = null!;
    private DayRolloverTimer _rollover = null!;
    private string _quoteFeed = "";
    private string _rangeFeed = "";
    private string _chartFeed = "";
    private string _tradesFeed = "";
    // Created with the first watcher, so an unwatched symbol has not even their timers.
    private PacedAction? _chartPublishing;
    private PacedAction? _tapePublishing;
    private IGrainTimer? _quoteWriteTimer;
    private TradeTape? _tape;
    private long _tapeWantedAt;
    private bool _chartDirty;
    private bool _tapeDirty;
    private bool _rowDirty;
    private bool _rangeDirty;
    private long _version;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var symbol = this.GetPrimaryKeyString();
        TickerMetrics.Activations.Add(1);
        _day = new TickerDay(symbol, _options.Momentum, state.RecordExists ? state.State : null, _options.RangeAlerts);
        _quoteFeed = ScannerFeedNames.Quote(symbol);
        _rangeFeed = ScannerFeedNames.DailyRange(symbol);
        _chartFeed = ScannerFeedNames.Chart(symbol);
        _tradesFeed = ScannerFeedNames.Trades(symbol);
        // Versions keep increasing across activations: start from the wall clock.
        _version = time.GetUtcNow().ToUnixTimeMilliseconds() * 1000;
        _writeBehind = new WriteBehind<TickerDayState>(state, () => _day.State, symbol, writeFailures);
        _writeBehind.Start(this, _options.PersistInterval);
        _quote = new WriteThrough<TickerDayState>(_writeBehind, ScheduleQuoteWrite, PublishQuote);
        _reporting = new PacedAction(this, _options.ReportInterval, time, Flush);
        _hydration = new TickerHydration(_day, referenceData, hydrationOptions.Value.NegativeCacheDuration, OnHydrated, time, logger);
        _hydration.Start(this);
        _rollover = new DayRolloverTimer(new MarketDayClock(time, _day.State.ClockOffset), time);
        _rollover.Start(this, () => _day.Day, RollOver);
        _hydration.StartIfNeeded();
        if (state.RecordExists)
        {
            await LoadFloorAsync(symbol);
        }
    }

    /// <summary>
    /// A ticker with stored state may be restarting behind what it reported before its silo died: the row its shard
    /// holds is its floor (<see cref="RowFloor"/>). Without it (the shard unreachable) the shard still refuses older rows.
    /// </summary>
    private async Task LoadFloorAsync(string symbol)
    {
        try
        {
            _floor.Set(await GrainFactory.GetGrain<IRankingShardGrain>(RankingShards.ShardOf(symbol, _options.ShardCount)).GetRow(symbol));
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogFloorFailed(logger, ex, symbol);
        }
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        _reporting.RunNow();
        await _writeBehind.FlushAsync(cancellationToken);
        _quote.ShowPending(); // its timer does not fire any more
    }

    public async Task OnSubscribed(IStreamSubscriptionHandleFactory handleFactory) =>
        await handleFactory.Create<MarketEvent>().ResumeAsync(this);

    public Task OnNextAsync(IList<SequentialItem<MarketEvent>> items)
    {
        var changes = TickerChanges.None;
        var (duplicates, stale) = (_day.DuplicateEvents, _day.StaleEvents);
        var tape = WatchedTape();
        foreach (var item in items)
        {
            var applied = _day.Apply(item.Item, _pendingAlerts);
            _rollover.Clock.Observe(item.Item.Timestamp);
            if (tape is not null && applied != TickerChanges.None)
            {
                if ((applied & TickerChanges.NewDay) != 0)
                {
                    tape.Clear();
                }
                _tapeDirty |= tape.Apply(item.Item);
            }
            changes |= applied;
        }
        _day.State.ClockOffset = _rollover.Clock.OffsetMs;
        _rollover.Update();
        RequestPageFeeds(changes);
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
        _writeBehind.MarkDirty();
        _rowDirty |= (changes & TickerChanges.Row) != 0;
        _rangeDirty |= (changes & TickerChanges.Range) != 0;
        _hydration.StartIfNeeded();
        _reporting.Request();
        return Task.CompletedTask;
    }

    public Task OnErrorAsync(Exception ex)
    {
        LogStreamError(logger, ex, _day.Symbol);
        return Task.CompletedTask;
    }

    public Task<TickerSnapshot> GetSnapshot() => Task.FromResult(_day.ToSnapshot());

    public async Task<ScannerFeedUpdate?> GetFeed(string feed)
    {
        if (!_day.HasEvents)
        {
            return null;
        }
        if (feed == _quoteFeed)
        {
            await _writeBehind.FlushAsync(CancellationToken.None); // a gateway shows what it reads: stored first, as published
        }
        var payload = feed == _quoteFeed ? ScannerRowJson.ToObject(_floor.Above(_day.ToRow()))
            : feed == _rangeFeed ? DailyRangeJson.ToObject(_day.ToSnapshot())
            : feed == _chartFeed ? ChartJson.ToObject(_day.State, _day.Bounds)
            : feed == _tradesFeed ? TapeJson.ToObject(_day.Symbol, StartTape())
            : null;
        return payload is null ? null : new ScannerFeedUpdate(feed, payload, _version, time.GetUtcNow().ToUnixTimeMilliseconds());
    }

    /// <summary>The day ended on the clock: the emptied row goes to the rankings at once, yesterday's state to storage.</summary>
    private void RollOver(int day)
    {
        if (!_day.RollOver(day))
        {
            return;
        }
        _pendingAlerts.Clear();
        _rowDirty = _rangeDirty = true;
        _writeBehind.MarkDirty();
        _reporting.RunNow();
        // Yesterday's candles went with the day state; yesterday's trades go from the tape of a watched symbol.
        _tape?.Clear();
        _tapeDirty = _tape is not null;
        RequestPageFeeds(TickerChanges.Chart);
        _hydration.StartIfNeeded();
    }

    private void OnHydrated()
    {
        RequestPageFeeds(TickerChanges.Chart); // prev_close
        _rowDirty = true;
        _writeBehind.MarkDirty();
        _reporting.Defer();
    }

    /// <summary>
    /// The tape when <c>trades:{SYM}</c> is watched (started on demand), null otherwise; a tape nobody has wanted for
    /// <see cref="TapeGrace"/> is dropped, so an unwatched symbol keeps no trades and classifies none.
    /// </summary>
    private TradeTape? WatchedTape()
    {
        if (publisher.IsWanted(_tradesFeed))
        {
            return StartTape();
        }
        if (_tape is not null && time.GetElapsedTime(_tapeWantedAt) > TapeGrace)
        {
            _tape = null;
            _tapeDirty = false;
        }
        return _tape;
    }

    private TradeTape StartTape()
    {
        _tapeWantedAt = time.GetTimestamp();
        if (_tape is null)
        {
            _tape = new TradeTape();
            var s = _day.State;
            if (s.QuoteTime > 0)
            {
                _tape.AddQuote(s.QuoteTime, s.BidPrice, s.AskPrice);
            }
        }
        return _tape;
    }

    /// <summary>Asks for the page feeds that changed and are watched; unwatched, nothing is serialised.</summary>
    private void RequestPageFeeds(TickerChanges changes)
    {
        _chartDirty |= (changes & TickerChanges.Chart) != 0;
        if (_chartDirty && publisher.IsWanted(_chartFeed))
        {
            (_chartPublishing ??= new PacedAction(this, ChartInterval, time, PublishChart)).Request();
        }
        if (_tapeDirty)
        {
            (_tapePublishing ??= new PacedAction(this, TapeInterval, time, PublishTape)).Request();
        }
    }

    private void PublishChart()
    {
        if (!_chartDirty || !publisher.IsWanted(_chartFeed))
        {
            return;
        }
        _chartDirty = false;
        publisher.Publish(new ScannerFeedUpdate(_chartFeed, ChartJson.ToObject(_day.State, _day.Bounds), ++_version, time.GetUtcNow().ToUnixTimeMilliseconds()));
        TickerMetrics.ChartPublishes.Add(1);
    }

    private void PublishTape()
    {
        if (!_tapeDirty || _tape is null || !publisher.IsWanted(_tradesFeed))
        {
            return;
        }
        _tapeDirty = false;
        publisher.Publish(new ScannerFeedUpdate(_tradesFeed, TapeJson.ToObject(_day.Symbol, _tape), ++_version, time.GetUtcNow().ToUnixTimeMilliseconds()));
        TickerMetrics.TapePublishes.Add(1);
    }

    /// <summary>
    /// Hands the row and pending alerts to the silo's ranking reporter and publishes the symbol's wanted feeds (paced by
    /// <see cref="_reporting"/>); false when nothing had changed.
    /// </summary>
    private bool Flush()
    {
        if (!_rowDirty && !_rangeDirty && _pendingAlerts.Count == 0)
        {
            return false;
        }
        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        var row = _floor.Above(_day.ToRow());
        if (_rowDirty && publisher.IsWanted(_quoteFeed))
        {
            _quote.Request();
        }
        if (_rangeDirty && publisher.IsWanted(_rangeFeed))
        {
            publisher.Publish(new ScannerFeedUpdate(_rangeFeed, DailyRangeJson.ToObject(_day.ToSnapshot()), ++_version, now));
        }
        _rangeDirty = false;
        if (!_rowDirty && _pendingAlerts.Count == 0)
        {
            return true;
        }
        var alerts = _pendingAlerts.Count == 0 ? [] : _pendingAlerts.ToArray();
        _pendingAlerts.Clear();
        _rowDirty = false;
        reporter.Submit(new ShardReport(row, alerts, ++_version));
        TickerMetrics.Reports.Add(1);
        return true;
    }

    /// <summary>A turn of its own for <see cref="_quote"/>'s write: the paced report does not wait for it.</summary>
    private void ScheduleQuoteWrite()
    {
        _quoteWriteTimer ??= this.RegisterGrainTimer(_quote.WriteAndShowAsync, new GrainTimerCreationOptions(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan));
        _quoteWriteTimer.Change(TimeSpan.Zero, Timeout.InfiniteTimeSpan);
    }

    private void PublishQuote()
    {
        if (publisher.IsWanted(_quoteFeed))
        {
            publisher.Publish(new ScannerFeedUpdate(_quoteFeed, ScannerRowJson.ToObject(_floor.Above(_day.ToRow())), ++_version, time.GetUtcNow().ToUnixTimeMilliseconds()));
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The ranking row of {Symbol} could not be read at activation; its older rows rely on the shard refusing them")]
    private static partial void LogFloorFailed(ILogger logger, Exception exception, string symbol);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Stream error for {Symbol}")]
    private static partial void LogStreamError(ILogger logger, Exception exception, string symbol);
}
