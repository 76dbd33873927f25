using System.Text.Json;
using Scanner.Calendar;

namespace Scanner.Scanners;

/// <summary>
/// Writes alerts: new highs/lows as {symbol, session, direction, price, previous, timestamp, note}, halts as
/// {symbol, status (halted|resumed), reason, upper_band, lower_band, price, halt_duration_ms (resumed only),
/// timestamp, note}, momentum as
/// {symbol, price, start_price, pct_change, volume_ratio, window_minutes, session, timestamp, note}; every alert
/// then carries its <see cref="AlertContext"/> as day_pct_change, relative_volume, free_float, volume.
/// </summary>
public static class ScannerAlertJson
{
    /// <summary>The halt reason: LULD indicators 17/18 are the only source of halts so far.</summary>
    public const string LuldPauseReason = "luld_pause";

    public static void Write(Utf8JsonWriter w, ScannerAlert a)
    {
        w.WriteStartObject();
        w.WriteString("symbol", a.Symbol);
        switch (a.Kind)
        {
            case AlertKind.NewHigh or AlertKind.NewLow:
                w.WriteString("session", SessionName(a.Session));
                w.WriteString("direction", a.Kind == AlertKind.NewHigh ? "high" : "low");
                w.WriteNumber("price", a.Price);
                w.WriteNumber("previous", a.Reference);
                break;
            case AlertKind.Halt or AlertKind.Resume:
                w.WriteString("status", a.Kind == AlertKind.Halt ? "halted" : "resumed");
                w.WriteString("reason", LuldPauseReason);
                w.WriteNumber("upper_band", a.Reference);
                w.WriteNumber("lower_band", a.Lower);
                w.WriteNumber("price", a.Price);
                if (a.Kind == AlertKind.Resume)
                {
                    w.WriteNumber("halt_duration_ms", a.HaltDurationMs);
                }
                break;
            default:
                w.WriteNumber("price", a.Price);
                w.WriteNumber("start_price", a.Reference);
                w.WriteNumber("pct_change", a.PctChange);
                w.WriteNumber("volume_ratio", a.VolumeRatio);
                w.WriteNumber("window_minutes", a.WindowMinutes);
                w.WriteString("session", SessionName(a.Session));
                break;
        }
        w.WriteNumber("timestamp", a.Timestamp);
        w.WriteString("note", a.Note);
        w.WriteNumber("day_pct_change", a.Context.DayPctChange);
        w.WriteNumber("relative_volume", a.Context.RelativeVolume);
        w.WriteNumber("free_float", a.Context.FreeFloat);
        w.WriteNumber("volume", a.Context.Volume);
        w.WriteEndObject();
    }

    /// <summary>An alert list payload, in the given order (feeds keep newest first).</summary>
    public static byte[] ToArray(IReadOnlyList<ScannerAlert> alerts) => JsonPayload.Build(alerts, static (w, list) =>
    {
        w.WriteStartArray();
        for (var i = 0; i < list.Count; i++)
        {
            Write(w, list[i]);
        }
        w.WriteEndArray();
    });

    public static string SessionName(MarketSession session) => session switch
    {
        MarketSession.PreMarket => "pre_market",
        MarketSession.Regular => "regular",
        MarketSession.AfterHours => "after_hours",
        _ => "closed",
    };
}
