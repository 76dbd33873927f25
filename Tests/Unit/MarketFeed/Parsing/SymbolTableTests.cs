using System.Text;
using Scanner.Silo.MarketFeed.Parsing;

namespace Scanner.Tests.Unit.MarketFeed.Parsing;

public class SymbolTableTests
{
    [Fact]
    public void Returns_one_shared_string_per_ticker()
    {
        var table = new SymbolTable();

        var first = table.GetOrAdd("AAPL"u8);
        var second = table.GetOrAdd(Encoding.UTF8.GetBytes("AAPL"));

        Assert.Equal("AAPL", first);
        Assert.Same(first, second);
        Assert.NotSame(first, table.GetOrAdd("MSFT"u8));
        Assert.Equal(2, table.Count);
    }

    [Fact]
    public void Stops_growing_at_its_capacity_but_still_returns_every_symbol()
    {
        var table = new SymbolTable(capacity: 2);
        table.GetOrAdd("A"u8);
        table.GetOrAdd("B"u8);

        var third = table.GetOrAdd("C"u8);

        Assert.Equal("C", third);
        Assert.NotSame(third, table.GetOrAdd("C"u8));
        Assert.Same(table.GetOrAdd("A"u8), table.GetOrAdd("A"u8));
        Assert.Equal((2, 2L), (table.Count, table.Uncached));
    }

    [Fact]
    public void Does_not_keep_names_longer_than_a_ticker_can_be()
    {
        var table = new SymbolTable();
        var name = new string('X', SymbolTable.MaxSymbolLength + 1);

        Assert.Equal(name, table.GetOrAdd(Encoding.UTF8.GetBytes(name)));
        Assert.Equal((0, 1L), (table.Count, table.Uncached));
        Assert.Same(table.GetOrAdd(Encoding.UTF8.GetBytes(name[1..])), table.GetOrAdd(Encoding.UTF8.GetBytes(name[1..])));
    }

    [Fact]
    public void Shares_what_it_holds_or_can_take_and_refuses_the_rest_without_counting_it()
    {
        var table = new SymbolTable(capacity: 2);
        var held = table.GetOrAdd("A"u8);

        Assert.True(table.TryGetShared("A"u8, out var again));
        Assert.Same(held, again);
        Assert.True(table.TryGetShared("LONGER.TICKER"u8, out var taken));
        Assert.Same(taken, table.GetOrAdd("LONGER.TICKER"u8));
        Assert.False(table.TryGetShared("C"u8, out _));
        Assert.False(table.TryGetShared(Encoding.UTF8.GetBytes(new string('X', SymbolTable.MaxSymbolLength + 1)), out _));
        Assert.Equal((2, 0L), (table.Count, table.Uncached));
    }

    [Fact]
    public void Keeps_non_ascii_tickers_intact()
    {
        var table = new SymbolTable();

        Assert.Equal("ÄBC€", table.GetOrAdd(Encoding.UTF8.GetBytes("ÄBC€")));
    }
}
