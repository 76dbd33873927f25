using Microsoft.Extensions.Logging;
using Scanner.Hydration;
using Scanner.Calendar;

namespace Scanner.Ticker;

/// <summary>
/// Loads a ticker day's reference data in the background, so the stream never waits for it: events are applied
/// meanwhile and the reference fills in when it arrives. Retries of transient HTTP failures are the hydration
/// client's; a load that failed anyway is asked again after <paramref name="askAgainAfter"/> (the silo's negative
/// cache keeps the failure that long, so asking sooner would only get it back). The wait from the first load of a
/// day to its reference is measured (<see cref="HydrationMetrics.WaitMs"/>).
/// </summary>
internal sealed partial class TickerHydration(
    TickerDay day, IReferenceDataSource source, TimeSpan askAgainAfter, Action applied, TimeProvider time, ILogger logger)
{
    private IGrainBase? _grain;
    private IGrainTimer? _askAgain;
    private long _neededSince;
    private bool _loading;
    private bool _waiting;
    private int _failures;

    /// <summary>
    /// Gives the hydration its hosting grain, for a timer to ask again after a failure: registered with the first
    /// failure, so the ten thousand activations of a cold start, which hydrate at the first try, register none.
    /// </summary>
    public void Start(IGrainBase grain) => _grain = grain;

    /// <summary>Starts a load when the day has no reference data and none is loading or waiting to be asked again.</summary>
    public void StartIfNeeded()
    {
        if (_loading || _waiting || !day.NeedsReference)
        {
            return;
        }
        _loading = true;
        if (_neededSince == 0)
        {
            _neededSince = time.GetTimestamp();
        }
        // Not awaited: the stream keeps flowing; the continuation runs on the grain's activation.
        _ = LoadAsync(day.Day);
    }

    private async Task LoadAsync(int dayNumber)
    {
        try
        {
            var reference = await source.LoadAsync(day.Symbol, TradingCalendar.FromNumber(dayNumber), CancellationToken.None);
            if (day.ApplyReference(reference))
            {
                if (_failures > 0)
                {
                    LogHydrated(logger, day.Symbol, _failures);
                }
                _failures = 0;
                HydrationMetrics.Hydrated.Add(1);
                HydrationMetrics.WaitMs.Record(time.GetElapsedTime(_neededSince).TotalMilliseconds);
                _neededSince = 0;
                applied();
            }
            else if (day.Day == dayNumber)
            {
                throw new HydrationException($"Reference data of {day.Symbol} is for {reference.TradingDay}, not {dayNumber}");
            }
        }
        catch (Exception ex)
        {
            TickerMetrics.HydrationFailures.Add(1);
            if (++_failures == 1)
            {
                LogHydrationFailed(logger, ex, day.Symbol, askAgainAfter);
            }
            _waiting = true; // until the timer (see Start) asks again
            _askAgain ??= _grain?.RegisterGrainTimer(OnAskAgain, new GrainTimerCreationOptions(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan));
            _askAgain?.Change(askAgainAfter, Timeout.InfiniteTimeSpan);
        }
        finally
        {
            _loading = false;
        }
        StartIfNeeded(); // the day may have rolled over while this load was in flight
    }

    private Task OnAskAgain(CancellationToken cancellationToken)
    {
        _waiting = false;
        StartIfNeeded();
        return Task.CompletedTask;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Hydration of {Symbol} failed; asking again every {Wait} until it succeeds")]
    private static partial void LogHydrationFailed(ILogger logger, Exception exception, string symbol, TimeSpan wait);

    [LoggerMessage(Level = LogLevel.Information, Message = "Hydration of {Symbol} succeeded after {Failures} failures")]
    private static partial void LogHydrated(ILogger logger, string symbol, int failures);
}
