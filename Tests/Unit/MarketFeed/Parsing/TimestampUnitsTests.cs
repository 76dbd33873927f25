using Scanner.Silo.MarketFeed.Parsing;

namespace Scanner.Tests.Unit.MarketFeed.Parsing;

public class TimestampUnitsTests
{
    [Theory]
    [InlineData(0L, 0L)]
    [InlineData(-5L, -5L)]
    [InlineData(1757339559L, 1757339559000L)] // s
    [InlineData(99_999_999_999L, 99_999_999_999_000L)] // the last second the rule reads as s (year 5138)
    [InlineData(100_000_000_000L, 100_000_000_000L)] // the first ms (1973)
    [InlineData(1757339559123L, 1757339559123L)] // ms
    [InlineData(1757339559123456L, 1757339559123L)] // µs
    [InlineData(1757339559123456789L, 1757339559123L)] // ns
    [InlineData(long.MaxValue, long.MaxValue / 1_000_000)]
    public void Converts_any_unit_to_unix_milliseconds_by_magnitude(long raw, long ms)
    {
        Assert.Equal(ms, TimestampUnits.ToUnixMilliseconds(raw));
    }
}
