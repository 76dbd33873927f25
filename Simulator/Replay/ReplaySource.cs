using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Scanner.MarketData;
using Scanner.Simulator.Distribution;
using Scanner.Simulator.Reference;
using Scanner.Simulator.Sources;
using Scanner.Simulator.Time;
using Scanner.Calendar;

namespace Scanner.Simulator.Replay;

/// <summary>
/// Replays one trading day of a LEAN-style data folder: every symbol with a trade tick file for the day (and its
/// quote tick file when there is one), merged in time order, sent when the market clock reaches each event. The clock starts at the configured New York time when the
/// first client subscribes, so nothing is missed; events before the start are skipped (but count in <c>av</c>).
/// </summary>
public sealed partial class ReplaySource : IFeedSource
{
    public static readonly TimeOnly DefaultStart = new(9, 25);
    private static readonly TimeSpan MaxWait = TimeSpan.FromMilliseconds(200);

    private readonly LeanDataFolder _data;
    private readonly IReadOnlyList<string> _symbols;
    private readonly ILogger _logger;
    private readonly MarketEvent[] _scratch = new MarketEvent[SourcePacing.MaxBatch];

    [ActivatorUtilitiesConstructor]
    public ReplaySource(SimulatorOptions options, TimeProvider time, ILogger<ReplaySource> logger)
        : this(options, new SimulatedClock(options.Day ?? SimulatorOptions.SampleDay, options.Start ?? DefaultStart, options.Speed, time), logger)
    {
    }

    /// <summary>A replay of the day of a clock it shares (the demo's, with the synthetic universe).</summary>
    public ReplaySource(SimulatorOptions options, SimulatedClock clock, ILogger logger)
    {
        var day = clock.Day;
        _data = new LeanDataFolder(options.ResolveDataFolder(), day);
        _symbols = _data.SymbolsWithTicks();
        if (_symbols.Count == 0)
        {
            throw new InvalidOperationException($"No tick files for {day:yyyy-MM-dd} in {_data.Root}/tick (expected {{sym}}_{day:yyyyMMdd}_trade.zip).");
        }
        _logger = logger;
        Clock = clock;
    }

    public string Name => "replay";
    public SimulatedClock Clock { get; }
    public IReferenceData Reference => _data;

    public async Task RunAsync(FeedBroadcaster broadcaster, CancellationToken cancellationToken)
    {
        var regularOpen = TradingCalendar.At(Clock.Day, TradingCalendar.RegularOpen);
        using var timeline = new ReplayTimeline(Streams(regularOpen));
        var skipped = timeline.SkipBefore(Clock.StartUnixMs);
        LogReady(_logger, Clock.Day, _symbols.Count, skipped, Clock.Speed);

        await broadcaster.WaitForSubscriberAsync(cancellationToken);
        Clock.Start();
        while (timeline.TryPeekTime(out var next))
        {
            if (Clock.IsPaused)
            {
                await Task.Delay(MaxWait, cancellationToken);
                continue;
            }
            if (Clock.Speed == 0)
            {
                await broadcaster.WaitForRoomAsync(cancellationToken);
                PublishDue(timeline, long.MaxValue, broadcaster);
                continue;
            }
            if (PublishDue(timeline, Clock.NowUnixMs, broadcaster) == SourcePacing.MaxBatch)
            {
                continue;
            }
            if (timeline.TryPeekTime(out next))
            {
                var wait = Clock.WallTimeUntil(next);
                await Task.Delay(wait < SourcePacing.Tick ? SourcePacing.Tick : wait > MaxWait ? MaxWait : wait, cancellationToken);
            }
        }
    }

    /// <summary>Per symbol its trades (with the bars built from them) and, where the folder has them, its quotes.</summary>
    private IEnumerable<IEnumerable<TimedEvent>> Streams(long regularOpenUnixMs)
    {
        foreach (var symbol in _symbols)
        {
            yield return TradeReplay.Events(symbol, LeanCsv.ReadTicks(_data.TickFile(symbol), Clock.Day), regularOpenUnixMs);
            if (_data.QuoteFile(symbol) is { } quotes)
            {
                yield return QuoteReplay.Events(symbol, LeanCsv.ReadQuotes(quotes, Clock.Day));
            }
        }
    }

    /// <summary>Sends up to one batch of the events due by a market time; returns how many.</summary>
    private int PublishDue(ReplayTimeline timeline, long dueUnixMs, FeedBroadcaster broadcaster)
    {
        var count = 0;
        long last = 0;
        while (count < SourcePacing.MaxBatch && timeline.TryPeekTime(out var time) && time <= dueUnixMs && timeline.TryTake(out var next))
        {
            _scratch[count++] = next.Event;
            last = next.EmitUnixMs;
        }
        if (count > 0)
        {
            Clock.AdvanceTo(last);
            broadcaster.Publish(_scratch[..count], count);
        }
        return count;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Replay of {Day:yyyy-MM-dd} ready: {Symbols} symbols, {Skipped} events before the start skipped, speed {Speed}; waiting for a subscriber")]
    private static partial void LogReady(ILogger logger, DateOnly day, int symbols, int skipped, double speed);
}
