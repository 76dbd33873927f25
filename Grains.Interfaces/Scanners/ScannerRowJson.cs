using System.Globalization;
using System.Text.Json;
using Scanner.Calendar;

namespace Scanner.Scanners;

/// <summary>
/// Writes <see cref="ScannerRow"/>s with the field names of docs/contracts/scanners.md (the original's, plus ours at the
/// end: <c>last_event_timestamp</c>, <c>trading_day</c>, <c>relative_volume_tod</c>).
/// </summary>
public static class ScannerRowJson
{
    private static readonly JsonEncodedText Rank = JsonEncodedText.Encode("rank");
    private static readonly JsonEncodedText Symbol = JsonEncodedText.Encode("symbol");
    private static readonly JsonEncodedText Volume = JsonEncodedText.Encode("volume");
    private static readonly JsonEncodedText FreeFloat = JsonEncodedText.Encode("free_float");
    private static readonly JsonEncodedText AccumulatedVolume = JsonEncodedText.Encode("accumulated_volume");
    private static readonly JsonEncodedText RelativeVolume = JsonEncodedText.Encode("relative_volume");
    private static readonly JsonEncodedText OfficialOpenPrice = JsonEncodedText.Encode("official_open_price");
    private static readonly JsonEncodedText Vwap = JsonEncodedText.Encode("vwap");
    private static readonly JsonEncodedText Open = JsonEncodedText.Encode("open");
    private static readonly JsonEncodedText Close = JsonEncodedText.Encode("close");
    private static readonly JsonEncodedText High = JsonEncodedText.Encode("high");
    private static readonly JsonEncodedText Low = JsonEncodedText.Encode("low");
    private static readonly JsonEncodedText AggregateVwap = JsonEncodedText.Encode("aggregate_vwap");
    private static readonly JsonEncodedText AverageSize = JsonEncodedText.Encode("average_size");
    private static readonly JsonEncodedText AvgVolume = JsonEncodedText.Encode("avg_volume");
    private static readonly JsonEncodedText PrevDayClose = JsonEncodedText.Encode("prev_day_close");
    private static readonly JsonEncodedText PrevDayOpen = JsonEncodedText.Encode("prev_day_open");
    private static readonly JsonEncodedText PrevDayHigh = JsonEncodedText.Encode("prev_day_high");
    private static readonly JsonEncodedText PrevDayLow = JsonEncodedText.Encode("prev_day_low");
    private static readonly JsonEncodedText PrevDayVolume = JsonEncodedText.Encode("prev_day_volume");
    private static readonly JsonEncodedText PrevDayVwap = JsonEncodedText.Encode("prev_day_vwap");
    private static readonly JsonEncodedText Change = JsonEncodedText.Encode("change");
    private static readonly JsonEncodedText PctChange = JsonEncodedText.Encode("pct_change");
    private static readonly JsonEncodedText ChangeSinceOpen = JsonEncodedText.Encode("change_since_open");
    private static readonly JsonEncodedText PctChangeSinceOpen = JsonEncodedText.Encode("pct_change_since_open");
    private static readonly JsonEncodedText StartTimestamp = JsonEncodedText.Encode("start_timestamp");
    private static readonly JsonEncodedText EndTimestamp = JsonEncodedText.Encode("end_timestamp");
    private static readonly JsonEncodedText LastEventTimestamp = JsonEncodedText.Encode("last_event_timestamp");
    private static readonly JsonEncodedText TradingDay = JsonEncodedText.Encode("trading_day");
    private static readonly JsonEncodedText RelativeVolumeTimeOfDay = JsonEncodedText.Encode("relative_volume_tod");
    private static readonly JsonEncodedText BidPrice = JsonEncodedText.Encode("bid_price");
    private static readonly JsonEncodedText BidSize = JsonEncodedText.Encode("bid_size");
    private static readonly JsonEncodedText AskPrice = JsonEncodedText.Encode("ask_price");
    private static readonly JsonEncodedText AskSize = JsonEncodedText.Encode("ask_size");
    private static readonly JsonEncodedText Spread = JsonEncodedText.Encode("spread");

    /// <summary>One row as a JSON object; <paramref name="rank"/> (1-based) is written when given.</summary>
    public static void Write(Utf8JsonWriter w, ScannerRow row, int? rank)
    {
        w.WriteStartObject();
        if (rank is { } r)
        {
            w.WriteNumber(Rank, r);
        }
        w.WriteString(Symbol, row.Symbol);
        w.WriteNumber(Volume, row.Volume);
        w.WriteNumber(FreeFloat, row.FreeFloat);
        w.WriteNumber(AccumulatedVolume, row.AccumulatedVolume);
        w.WriteNumber(RelativeVolume, row.RelativeVolume);
        w.WriteNumber(OfficialOpenPrice, row.OfficialOpenPrice);
        w.WriteNumber(Vwap, row.Vwap);
        w.WriteNumber(Open, row.Open);
        w.WriteNumber(Close, row.Close);
        w.WriteNumber(High, row.High);
        w.WriteNumber(Low, row.Low);
        w.WriteNumber(AggregateVwap, row.AggregateVwap);
        w.WriteNumber(AverageSize, row.AverageSize);
        w.WriteNumber(AvgVolume, row.AvgVolume);
        w.WriteNumber(PrevDayClose, row.PrevDayClose);
        w.WriteNumber(PrevDayOpen, row.PrevDayOpen);
        w.WriteNumber(PrevDayHigh, row.PrevDayHigh);
        w.WriteNumber(PrevDayLow, row.PrevDayLow);
        w.WriteNumber(PrevDayVolume, row.PrevDayVolume);
        w.WriteNumber(PrevDayVwap, row.PrevDayVwap);
        w.WriteNumber(Change, row.Change);
        w.WriteNumber(PctChange, row.PctChange);
        w.WriteNumber(ChangeSinceOpen, row.ChangeSinceOpen);
        w.WriteNumber(PctChangeSinceOpen, row.PctChangeSinceOpen);
        w.WriteNumber(StartTimestamp, row.StartTimestamp);
        w.WriteNumber(EndTimestamp, row.EndTimestamp);
        w.WriteNumber(LastEventTimestamp, row.LastEventTimestamp);
        WriteTradingDay(w, row.TradingDay);
        w.WriteNumber(RelativeVolumeTimeOfDay, row.RelativeVolumeTimeOfDay);
        if (rank is null)
        {
            // The quote (one symbol's row) carries the NBBO; ranking rows leave it out (500 rows a second per list).
            w.WriteNumber(BidPrice, row.BidPrice);
            w.WriteNumber(BidSize, row.BidSize);
            w.WriteNumber(AskPrice, row.AskPrice);
            w.WriteNumber(AskSize, row.AskSize);
            w.WriteNumber(Spread, row.BidPrice > 0 && row.AskPrice > 0 ? Math.Round(row.AskPrice - row.BidPrice, 4) : 0);
        }
        w.WriteEndObject();
    }

    /// <summary><c>trading_day</c> as yyyy-MM-dd (New York), null before the row's first event.</summary>
    private static void WriteTradingDay(Utf8JsonWriter w, int tradingDay)
    {
        if (tradingDay == 0)
        {
            w.WriteNull(TradingDay);
            return;
        }
        Span<char> text = stackalloc char[10];
        TradingCalendar.FromNumber(tradingDay).TryFormat(text, out var written, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        w.WriteString(TradingDay, text[..written]);
    }

    /// <summary>The <c>quote:{SYM}</c> payload: the row alone, without a rank.</summary>
    public static byte[] ToObject(ScannerRow row) => JsonPayload.Build(row, static (w, r) => Write(w, r, null));

    /// <summary>A ranking payload: an array of rows ranked 1..n in the given order.</summary>
    public static byte[] ToArray(IReadOnlyList<ScannerRow> rows) => JsonPayload.Build(rows, static (w, list) =>
    {
        w.WriteStartArray();
        for (var i = 0; i < list.Count; i++)
        {
            Write(w, list[i], i + 1);
        }
        w.WriteEndArray();
    });
}
