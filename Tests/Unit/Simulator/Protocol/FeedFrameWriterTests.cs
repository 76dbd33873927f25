using System.Text.Json;
using Scanner.MarketData;
using Scanner.Simulator.Protocol;

namespace Scanner.Tests.Unit.Simulator.Protocol;

/// <summary>The writer must produce exactly the provider's published examples (fixtures/massive-stocks-ws.json).</summary>
public class FeedFrameWriterTests
{
    public static TheoryData<MarketEvent, string> PublishedExamples => new()
    {
        {
            new Trade("MSFT", 1536036818784, 1536036818784, 4, new TradeId(12345, null), 3, 114.125, 100, ConditionCodes.Of(0, 12), 3681328, 0, 0),
            """{"ev":"T","sym":"MSFT","x":4,"i":"12345","z":3,"p":114.125,"s":100,"c":[0,12],"t":1536036818784,"q":3681328}"""
        },
        {
            new Trade("MSFT", 1536036818784, 1536036818784, 4, new TradeId(0, "0123A"), 3, 114.125, 100, ConditionCodes.Empty, 3681328, 202, 1536036818763),
            """{"ev":"T","sym":"MSFT","x":4,"i":"0123A","z":3,"p":114.125,"s":100,"t":1536036818784,"q":3681328,"trfi":202,"trft":1536036818763}"""
        },
        {
            new Quote("MSFT", 1536036818784, 1536036818784, 4, 114.125, 100, 7, 114.128, 160, 0, ConditionCodes.Of(604 % 256), 50385480, 3),
            """{"ev":"Q","sym":"MSFT","bx":4,"bp":114.125,"bs":100,"ax":7,"ap":114.128,"as":160,"c":0,"i":[92],"t":1536036818784,"q":50385480,"z":3}"""
        },
        {
            new Aggregate("SPCE", 1610144869000, 1610144869000, false, 200, 8642007, 25.66, 25.3981, 25.39, 25.39, 25.39, 25.39, 25.3714, 50, 1610144868000, 1610144869000, false, null, null),
            """{"ev":"A","sym":"SPCE","v":200,"av":8642007,"op":25.66,"vw":25.3981,"o":25.39,"c":25.39,"h":25.39,"l":25.39,"a":25.3714,"z":50,"s":1610144868000,"e":1610144869000}"""
        },
        {
            new Aggregate("GTE", 1610144700000, 1610144700000, true, 4110, 9470157, null, 0.4488, 0.4488, 0.4489, 0.4486, 0.4486, 0.4352, 685, 1610144640000, 1610144700000, true, 4110, 9470157.5),
            """{"ev":"AM","sym":"GTE","v":4110,"av":9470157,"dv":"4110","dav":"9470157.5","vw":0.4488,"o":0.4488,"c":0.4486,"h":0.4489,"l":0.4486,"a":0.4352,"z":685,"s":1610144640000,"e":1610144700000,"otc":true}"""
        },
        {
            new LuldBand("MSFT", 1601316752683, 1601316752683746, 218.96, 198.11, ConditionCodes.Of(21), 3, 290317),
            """{"ev":"LULD","T":"MSFT","h":218.96,"l":198.11,"i":[21],"z":3,"t":1601316752683746,"q":290317}"""
        },
        {
            new Imbalance("NTEST.Q", 1601318039223, 1601318039223013600, 930, 'M', 44, 10, 480, 440, 25.03),
            """{"ev":"NOI","T":"NTEST.Q","t":1601318039223013600,"at":930,"a":"M","i":44,"x":10,"o":480,"p":440,"b":25.03}"""
        },
        {
            new FairMarketValue("AAPL", 1678220098130, 1678220098130, 189.22),
            """{"ev":"FMV","fmv":189.22,"sym":"AAPL","t":1678220098130}"""
        },
    };

    [Theory]
    [MemberData(nameof(PublishedExamples))]
    public void Writes_each_event_with_the_wire_field_names_and_values(MarketEvent e, string expected)
    {
        using var writer = new FeedFrameWriter();
        writer.Write(e);

        var frame = writer.CompleteFrame().ToArray();

        Assert.Equal($"[{expected}]", System.Text.Encoding.UTF8.GetString(frame));
    }

    [Theory]
    [InlineData(0.05, "0.05")]
    [InlineData(167.41, "167.41")]
    [InlineData(-3.5, "-3.5")]
    [InlineData(0, "0")]
    [InlineData(1234567.0001, "1234567.0001")]
    [InlineData(0.00001, "1E-05")]
    [InlineData(1.23456789, "1.23456789")]
    [InlineData(1e20, "1E+20")]
    public void Prices_print_short_and_read_back_exactly(double price, string expected)
    {
        using var writer = new FeedFrameWriter();
        writer.Write(new FairMarketValue("X", 1, 1, price));

        using var frame = JsonDocument.Parse(writer.CompleteFrame());
        var fmv = frame.RootElement[0].GetProperty("fmv");

        Assert.Equal(expected, fmv.GetRawText());
        Assert.Equal(price, fmv.GetDouble());
    }

    [Fact]
    public void Frames_hold_many_events_and_the_writer_is_reusable()
    {
        using var writer = new FeedFrameWriter();
        var trade = new Trade("AAPL", 1, 1, 10, new TradeId(5096, null), 3, 161.87, 300, ConditionCodes.Empty, 4009402, 0, 0);
        writer.Write(trade);
        writer.Write(new FairMarketValue("AAPL", 2, 2, 161.9));
        writer.WriteStatus("success", "subscribed to: T.*");
        Assert.Equal(3, writer.Count);
        using (var first = JsonDocument.Parse(writer.CompleteFrame()))
        {
            Assert.Equal(["T", "FMV", "status"], first.RootElement.EnumerateArray().Select(e => e.GetProperty("ev").GetString()));
        }

        writer.Reset();
        writer.Write(trade);
        using var second = JsonDocument.Parse(writer.CompleteFrame());
        Assert.Equal(1, second.RootElement.GetArrayLength());
        Assert.Equal(0, new FeedFrameWriter().Count);
    }

    [Fact]
    public void Status_frames_are_the_provider_handshake_messages()
    {
        Assert.Equal("""[{"ev":"status","status":"connected","message":"Connected Successfully"}]""", System.Text.Encoding.UTF8.GetString(FeedStatuses.Connected));
        Assert.Equal("""[{"ev":"status","status":"success","message":"subscribed to: T.*"}]""", System.Text.Encoding.UTF8.GetString(FeedStatuses.Subscribed("T.*")));
    }
}
