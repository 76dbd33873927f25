using System.Text.Json;
using Scanner.MarketData;
using Scanner.Scanners;
using Scanner.Silo.MarketFeed.Parsing;
using Scanner.Ticker;
using static Scanner.Tests.Unit.Ticker.MarketEvents;

namespace Scanner.Tests.Unit.Ticker;

/// <summary>
/// Every alert kind from wire frames (Tests/Fixtures/alert-frames.json) through the feed's parser into the day:
/// what the listener hands the ticker grain, with the default rules.
/// </summary>
public class AlertFramesTests
{
    private static readonly long TenAm = At(Monday, 10, 0);
    private readonly List<ScannerAlert> _alerts = Replay();

    private static List<ScannerAlert> Replay()
    {
        using var fixture = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Fixtures", "alert-frames.json")));
        var reference = fixture.RootElement.GetProperty("reference");
        var day = new TickerDay("ZRUN", new MomentumOptions());
        day.ApplyReference(Reference(Monday, prevClose: reference.GetProperty("prev_close").GetDouble(),
            avgVolume: reference.GetProperty("avg_volume").GetDouble()));
        var parser = new FrameParser();
        List<ScannerAlert> alerts = [];
        foreach (var frame in fixture.RootElement.GetProperty("frames").EnumerateArray())
        {
            List<MarketEvent> events = [];
            parser.Parse(JsonSerializer.SerializeToUtf8Bytes(frame), events, []);
            foreach (var e in events)
            {
                day.Apply(e, alerts);
            }
        }
        return alerts;
    }

    [Fact]
    public void New_high_is_the_first_break_of_the_session_high()
    {
        var high = _alerts.First(a => a.Kind == AlertKind.NewHigh);
        Assert.Equal((10.05, 10.00, TenAm + 120_000), (high.Price, high.Reference, high.Timestamp));
    }

    [Fact]
    public void New_low_is_the_first_break_of_the_session_low()
    {
        var low = _alerts.First(a => a.Kind == AlertKind.NewLow);
        Assert.Equal((9.90, 9.95, TenAm + 180_000), (low.Price, low.Reference, low.Timestamp));
    }

    [Fact]
    public void Momentum_is_the_burst_on_heavy_volume_and_only_once()
    {
        var momentum = Assert.Single(_alerts, a => a.Kind == AlertKind.Momentum);
        Assert.Equal((10.70, 9.95, 5), (momentum.Price, momentum.Reference, momentum.WindowMinutes));
        Assert.True(momentum.VolumeRatio >= new MomentumOptions().MinVolumeRatio);
    }

    [Fact]
    public void Halt_and_resume_come_from_the_LULD_indicators_with_the_halt_duration()
    {
        var halt = Assert.Single(_alerts, a => a.Kind == AlertKind.Halt);
        var resume = Assert.Single(_alerts, a => a.Kind == AlertKind.Resume);
        Assert.Equal(TenAm + 480_500, halt.Timestamp);
        Assert.Equal((11.77, 10.65), (resume.Reference, resume.Lower));
        Assert.Equal(300_000, resume.HaltDurationMs);
    }
}
