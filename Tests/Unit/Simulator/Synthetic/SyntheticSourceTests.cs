using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Scanner.Simulator;
using Scanner.Simulator.Synthetic;
using Scanner.Calendar;

namespace Scanner.Tests.Unit.Simulator.Synthetic;

public class SyntheticSourceTests
{
    private static readonly DateOnly Day = new(2025, 3, 3);

    [Fact]
    public void The_session_clock_starts_at_the_configured_time_and_runs_at_the_configured_speed()
    {
        var time = new FakeTimeProvider(DateTimeOffset.Parse("2025-03-03T12:00:00Z"));
        var options = new SimulatorOptions { Source = FeedSourceKind.Synthetic, Tickers = 10, Day = Day, Start = new TimeOnly(9, 20), Speed = 30 };

        var source = new SyntheticSource(options, time, NullLogger<SyntheticSource>.Instance);
        time.Advance(TimeSpan.FromMinutes(1));   // no subscriber yet: the clock stands at the start
        Assert.Equal(TradingCalendar.At(Day, new TimeOnly(9, 20)), source.Clock.NowUnixMs);

        source.Clock.Start();
        time.Advance(TimeSpan.FromSeconds(20));
        Assert.Equal(TradingCalendar.At(Day, new TimeOnly(9, 30)), source.Clock.NowUnixMs);
        Assert.Equal(30, source.Clock.Speed);
    }
}
