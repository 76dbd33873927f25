using Scanner.Ticker;
using static Scanner.Tests.Unit.Scanners.Rows;

namespace Scanner.Tests.Unit.Ticker;

public class RowFloorTests
{
    [Fact]
    public void A_ticker_behind_its_floor_shows_the_floor_until_its_own_row_catches_up_then_never_again()
    {
        var floor = new RowFloor();
        var held = Row("SPY", 5000) with { LastEventTimestamp = 2_000 };
        floor.Set(held);

        Assert.Same(held, floor.Above(Row("SPY", 4000) with { LastEventTimestamp = 1_000 }));

        var caughtUp = Row("SPY", 5100) with { LastEventTimestamp = 2_100 };
        Assert.Same(caughtUp, floor.Above(caughtUp));
        // Passed once, the floor is gone: the ticker's own rows decide from now on.
        var own = Row("SPY", 10) with { LastEventTimestamp = 1 };
        Assert.Same(own, floor.Above(own));
    }

    [Fact]
    public void A_floor_of_another_day_never_holds_the_ticker_back()
    {
        var floor = new RowFloor();
        floor.Set(Row("SPY", 9000, day: 20131007) with { LastEventTimestamp = 9_000 });

        var today = Row("SPY", 10, day: 20131008) with { LastEventTimestamp = 1 };
        Assert.Same(today, floor.Above(today));
    }

    [Fact]
    public void Without_a_floor_the_own_row_is_shown()
    {
        var own = Row("SPY");
        Assert.Same(own, new RowFloor().Above(own));
    }
}
