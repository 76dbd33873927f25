using Scanner.Silo.MarketFeed;

namespace Scanner.Tests.Unit.MarketFeed;

public class SubscriptionAcksTests
{
    [Fact]
    public void Reports_what_the_server_never_acknowledged()
    {
        var acks = new SubscriptionAcks(["T.*", "A.*", "LULD.*"]);
        Assert.True(acks.Acknowledge("A.*"));
        Assert.False(acks.Acknowledge("A.*"));
        Assert.False(acks.Acknowledge("Q.*"));
        Assert.False(acks.AllAcknowledged);
        Assert.Equal(["LULD.*", "T.*"], acks.Unacknowledged);
        Assert.Equal(["A.*"], acks.Acknowledged);

        acks.Acknowledge("T.*");
        acks.Acknowledge("LULD.*");
        Assert.True(acks.AllAcknowledged);
        Assert.Empty(acks.Unacknowledged);
    }
}
