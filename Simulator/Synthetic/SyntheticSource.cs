using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Scanner.MarketData;
using Scanner.Simulator.Distribution;
using Scanner.Simulator.Reference;
using Scanner.Simulator.Sources;
using Scanner.Simulator.Time;
using Scanner.Calendar;

namespace Scanner.Simulator.Synthetic;

/// <summary>
/// Synthetic load: <see cref="SimulatorOptions.Rate"/> events per second over <see cref="SimulatorOptions.Tickers"/>
/// tickers per second of session time, produced in small batches every few milliseconds while someone is subscribed.
/// Its session clock starts with the first subscription at <see cref="SimulatorOptions.Start"/> (default 09:30 New
/// York) on <see cref="SimulatorOptions.Day"/> (default today, or the Friday before on a weekend) and runs at
/// <see cref="SimulatorOptions.Speed"/> (which multiplies the events per wall-clock second too) until an operator
/// pauses it or changes its speed; it stamps every event.
/// </summary>
public sealed partial class SyntheticSource : IFeedSource
{
    public static readonly TimeOnly DefaultStart = new(9, 30);
    private static readonly TimeSpan MaxCatchUp = TimeSpan.FromSeconds(1);

    private readonly SimulatorOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly SyntheticUniverse _universe;

    [ActivatorUtilitiesConstructor]
    public SyntheticSource(SimulatorOptions options, TimeProvider time, ILogger<SyntheticSource> logger)
        : this(options, new SimulatedClock(
            options.Day ?? TradingCalendar.LatestTradingDay(TradingCalendar.NewYorkDateOf(time.GetUtcNow().ToUnixTimeMilliseconds())),
            options.Start ?? DefaultStart, options.Speed, time), time, logger)
    {
    }

    /// <summary>A synthetic universe for the day of a clock it shares (the demo's, with the replay).</summary>
    public SyntheticSource(SimulatorOptions options, SimulatedClock clock, TimeProvider time, ILogger logger)
    {
        _options = options;
        _time = time;
        _logger = logger;
        _universe = new SyntheticUniverse(options.SyntheticTickers, options.Seed, clock.Day, options.SyntheticRate);
        Clock = clock;
    }

    public string Name => "synthetic";
    public SimulatedClock Clock { get; }
    public IReferenceData Reference => _universe;
    public SyntheticUniverse Universe => _universe;

    public async Task RunAsync(FeedBroadcaster broadcaster, CancellationToken cancellationToken)
    {
        var market = new SyntheticMarket(_universe, _options.Seed, TradingCalendar.At(Clock.Day, TradingCalendar.RegularOpen));
        LogReady(_logger, _universe.Tickers.Length, _options.SyntheticRate);
        using var timer = new PeriodicTimer(SourcePacing.Tick, _time);
        while (!cancellationToken.IsCancellationRequested)
        {
            await broadcaster.WaitForSubscriberAsync(cancellationToken);
            Clock.Start();
            // Paced by the session clock, so pausing it stops the events and its speed multiplies their rate.
            var pacer = new RatePacer(_options.SyntheticRate, MaxCatchUp);
            var started = Clock.NowUnixMs;
            while (broadcaster.HasSubscribers && await timer.WaitForNextTickAsync(cancellationToken))
            {
                var now = Clock.NowUnixMs;
                var due = pacer.TakeDue(TimeSpan.FromMilliseconds(now - started));
                while (due > 0)
                {
                    var events = new MarketEvent[Math.Min(due, SourcePacing.MaxBatch)];
                    market.Generate(events, now);
                    broadcaster.Publish(events, events.Length);
                    due -= events.Length;
                }
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Synthetic source ready: {Tickers} tickers at {Rate} events/s; waiting for a subscriber")]
    private static partial void LogReady(ILogger logger, int tickers, double rate);
}
