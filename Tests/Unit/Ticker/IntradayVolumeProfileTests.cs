using Scanner.Calendar;
using Scanner.Ticker;
using static Scanner.Tests.Unit.Ticker.MarketEvents;

namespace Scanner.Tests.Unit.Ticker;

public class IntradayVolumeProfileTests
{
    private static readonly TradingDayBounds Day = TradingCalendar.BoundsOf(Monday);

    private static double ShareBy(int hour, int minute) => IntradayVolumeProfile.ShareTradedBy(Day, At(Monday, hour, minute));

    [Fact]
    public void The_curve_holds_the_documented_session_shares()
    {
        Assert.Equal(0, ShareBy(4, 0));
        Assert.Equal(0.01, ShareBy(8, 0), 10);
        Assert.Equal(0.04, ShareBy(9, 30), 10);
        Assert.Equal(0.94, ShareBy(16, 0), 10);
        Assert.Equal(1, ShareBy(20, 0));
        Assert.Equal(1, ShareBy(23, 0));
        Assert.Equal(0, IntradayVolumeProfile.ShareTradedBy(Day, At(Monday, 3, 0)));
    }

    [Fact]
    public void The_regular_session_is_u_shaped_and_the_curve_only_grows()
    {
        var firstHalfHour = ShareBy(10, 0) - ShareBy(9, 30);
        var middayHalfHour = ShareBy(12, 45) - ShareBy(12, 15);
        var lastHalfHour = ShareBy(16, 0) - ShareBy(15, 30);
        Assert.True(firstHalfHour > 2.5 * middayHalfHour, $"{firstHalfHour} vs {middayHalfHour}");
        Assert.Equal(firstHalfHour, lastHalfHour, 10);
        var previous = 0.0;
        for (var t = Day.Start; t <= Day.AfterHoursEnd; t += 30_000)
        {
            var share = IntradayVolumeProfile.ShareTradedBy(Day, t);
            Assert.True(share >= previous, $"{share} < {previous} at {t}");
            previous = share;
        }
    }
}
