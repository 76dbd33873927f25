using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;
using Scanner.Calendar;
using Scanner.Ticker;
using Scanner.Ticker.Chart;
using Xunit.Abstractions;
using static Scanner.Tests.Unit.Ticker.MarketEvents;

namespace Scanner.Tests.Unit.Ticker;

/// <summary>What a full day of candles costs on the wire and in storage (the figures are in docs/contracts/scanners.md).</summary>
public class ChartSizeTests(ITestOutputHelper output)
{
    [Fact]
    public void A_full_day_of_candles_stays_under_96_KiB_on_the_wire_and_64_KiB_in_storage()
    {
        var bounds = TradingCalendar.BoundsOf(Monday);
        var state = new TickerDayState { Symbol = "AIG", Day = 20131007, Reference = Reference(Monday, prevClose: 48.8) };
        var random = new Random(7);
        var price = 48.80;
        for (var time = bounds.Start; time < bounds.AfterHoursEnd; time += 7_000)
        {
            price = Math.Round(price + ((random.Next(21) - 10) / 100.0), 2);
            CandleBuilder.Apply(state.Candles, bounds, Trade("AIG", time, price, 100 * random.Next(1, 50)));
        }
        Assert.Equal(CandleBuilder.MaxCandles, state.Candles.Count);

        var json = ChartJson.ToObject(state, bounds).Length;
        var serializer = new ServiceCollection().AddSerializer().BuildServiceProvider().GetRequiredService<Serializer>();
        var stored = serializer.SerializeToArray(state.Candles).Length;
        output.WriteLine($"chart:AIG full day: {json} bytes of JSON, {stored} bytes of persisted candles");
        Assert.InRange(json, 1, 96 * 1024);
        Assert.InRange(stored, 1, 64 * 1024);
    }
}
