using Scanner.MarketData;

namespace Scanner.Ticker.Chart;

/// <summary>
/// Which trades a candle counts, by their Massive condition ids (docs/contracts/scanners.md#chart-and-trades): the
/// consolidated tape's rules, under which some trades must not set the last price, high or low (odd lots, average
/// price and cash trades, out of sequence and next-day reports, contingent trades...) though they count as volume,
/// and official open and close reports count for neither.
/// </summary>
public static class CandleConditions
{
    // Average price 2, cash 7, Form T 12, extended hours out of sequence 13, official close 15 and open 16, next day 20,
    // price variation 21, seller 29, sold out of sequence 32 and 33, odd lot 37, corrected close 38, contingent 52,
    // qualified contingent 53.
    private const ulong NotForPrice =
        1UL << 2 | 1UL << 7 | 1UL << 12 | 1UL << 13 | 1UL << 15 | 1UL << 16 | 1UL << 20 | 1UL << 21 | 1UL << 29
        | 1UL << 32 | 1UL << 33 | 1UL << 37 | 1UL << 38 | 1UL << 52 | 1UL << 53;

    // Official close 15 and open 16 and the corrected close 38 repeat a price; they are no trading.
    private const ulong NotForVolume = 1UL << 15 | 1UL << 16 | 1UL << 38;

    /// <summary>True when the trade may set a candle's open, high, low and close.</summary>
    public static bool CountsForPrice(ConditionCodes conditions) => !Any(conditions, NotForPrice);

    /// <summary>True when the trade's size counts in a candle's volume and in the day's VWAP.</summary>
    public static bool CountsForVolume(ConditionCodes conditions) => !Any(conditions, NotForVolume);

    private static bool Any(ConditionCodes conditions, ulong mask)
    {
        for (var i = 0; i < conditions.Count; i++)
        {
            if (conditions[i] is var code and < 64 && (mask >> code & 1) != 0)
            {
                return true;
            }
        }
        return false;
    }
}
