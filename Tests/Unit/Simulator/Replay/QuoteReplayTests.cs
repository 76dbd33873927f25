using Scanner.MarketData;
using Scanner.Simulator.Replay;
using Scanner.Calendar;

namespace Scanner.Tests.Unit.Simulator.Replay;

public class QuoteReplayTests
{
    private static readonly DateOnly Day = new(2013, 10, 7);
    private static readonly long Open = TradingCalendar.At(Day, TradingCalendar.RegularOpen);

    [Fact]
    public void Lean_quote_rows_are_new_york_milliseconds_and_deci_cents_with_one_side_possibly_empty()
    {
        Assert.True(LeanCsv.TryParseQuote("14400547,491800,300,0,0,P,1,0", Day, out var bidOnly));

        Assert.Equal(DateTimeOffset.Parse("2013-10-07T08:00:00.547Z"), DateTimeOffset.FromUnixTimeMilliseconds(bidOnly.UnixMs));
        Assert.Equal((491_800L, 300L, 'P'), (bidOnly.BidDeciCents, bidOnly.BidSize, bidOnly.Exchange));
        Assert.True(bidOnly.UpdatesBid);
        Assert.False(bidOnly.UpdatesAsk);
        Assert.False(bidOnly.Suspicious);
        Assert.True(LeanCsv.TryParseQuote("14400547,0,0,492000,3000,Q,1,1", Day, out var suspicious) && suspicious.Suspicious);
        Assert.False(LeanCsv.TryParseQuote("14400547,491800,300", Day, out _));
    }

    [Fact]
    public void A_one_sided_row_carries_the_other_side_forward_with_its_venue()
    {
        LeanQuote[] rows =
        [
            new(Open + 1, 491_800, 300, 0, 0, 'P', false),     // bid only: no ask known yet, nothing sent
            new(Open + 2, 0, 0, 492_000, 3_000, 'N', false),   // ask: first whole quote
            new(Open + 3, 491_900, 500, 0, 0, 'Q', false),     // bid moves, the NYSE ask stays
            new(Open + 4, 0, 0, 491_950, 100, 'Z', false),     // ask moves, the Nasdaq bid stays
        ];

        var quotes = QuoteReplay.Events("AIG", rows).Select(e => Assert.IsType<Quote>(e.Event)).ToList();

        Assert.Equal(
            [
                (49.18, 300L, 11, 49.20, 3_000L, 10),
                (49.19, 500L, 12, 49.20, 3_000L, 10),
                (49.19, 500L, 12, 49.195, 100L, 19),
            ],
            quotes.Select(q => (q.BidPrice, q.BidSize, q.BidExchange, q.AskPrice, q.AskSize, q.AskExchange)));
        Assert.Equal([Open + 2, Open + 3, Open + 4], quotes.Select(q => q.Timestamp));
        Assert.Equal([1L, 2L, 3L], quotes.Select(q => q.Sequence));
        Assert.All(quotes, q => Assert.Equal("AIG", q.Symbol));
    }

    [Fact]
    public void The_bid_venue_is_the_venue_of_the_row_that_set_the_bid()
    {
        LeanQuote[] rows = [new(Open, 491_800, 300, 492_000, 200, 'P', false)];

        var quote = Assert.IsType<Quote>(Assert.Single(QuoteReplay.Events("AIG", rows)).Event);

        Assert.Equal((11, 11), (quote.BidExchange, quote.AskExchange));
    }

    [Fact]
    public void Suspicious_rows_are_skipped_and_change_no_side()
    {
        LeanQuote[] rows =
        [
            new(Open + 1, 491_800, 300, 492_000, 200, 'N', false),
            new(Open + 2, 10_000, 1, 0, 0, 'P', true),
            new(Open + 3, 0, 0, 0, 0, 'P', false),
            new(Open + 4, 0, 0, 492_100, 400, 'N', false),
        ];

        var quotes = QuoteReplay.Events("AIG", rows).Select(e => Assert.IsType<Quote>(e.Event)).ToList();

        Assert.Equal([Open + 1, Open + 4], quotes.Select(q => q.Timestamp));
        Assert.Equal((49.18, 300L), (quotes[1].BidPrice, quotes[1].BidSize));
    }
}
