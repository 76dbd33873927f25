namespace Scanner.Ticker.Chart;

/// <summary>
/// One minute of a symbol's day built from its trades (<see cref="CandleBuilder"/>), kept with the persisted day.
/// Prices are 0 while no trade of the minute counted for the price. <see cref="PriceVolume"/> (sum of price × size)
/// gives the day's cumulative VWAP at any minute's end without storing it. The millisecond offsets of the open and
/// close trades let a late trade take its place in time.
/// </summary>
[GenerateSerializer, Alias("scanner.ticker.candle")]
public record struct MinuteCandle
{
    /// <summary>Minutes since 04:00 New York (0 to 959).</summary>
    [Id(0)] public short Minute;
    [Id(1)] public double Open;
    [Id(2)] public double High;
    [Id(3)] public double Low;
    [Id(4)] public double Close;
    [Id(5)] public long Volume;
    [Id(6)] public double PriceVolume;
    [Id(7)] public ushort OpenOffset;
    [Id(8)] public ushort CloseOffset;
}
