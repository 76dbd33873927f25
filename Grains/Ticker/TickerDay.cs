using System.Globalization;
using Scanner.MarketData;
using Scanner.Scanners;
using Scanner.Calendar;
using Scanner.Ticker.Chart;

namespace Scanner.Ticker;

/// <summary>
/// One symbol's trading day as a state machine fed by feed events (pure: no I/O, no clock but the events' own).
/// The event time decides the day: an event of a newer trading day (04:00 ET) resets everything first, an event of
/// an older day is ignored; <see cref="RollOver"/> resets it on the clock when no event came. Since-open figures exist only from 09:30 ET, from the official open <c>op</c> (or the
/// open of the first regular-session bar while no <c>op</c> arrived).
/// Bars are upserts keyed by kind and window, so every bar figure is idempotent: accumulated volume is the
/// greatest <c>av</c> seen (it only grows during a day), high/low are extremes, the open is the earliest
/// window's, and volume, bar VWAP, average size and today's VWAP come from the latest window, which a late bar
/// cannot replace. Trades are deduplicated by their sequence number per tape; LULD events by their sequence.
/// OHLC comes from bars, not trades, since Massive's bars already leave out trades whose conditions must not
/// move the high, low or last price.
/// </summary>
public sealed class TickerDay
{
    private readonly MomentumOptions _momentum;
    private readonly RangeAlertOptions _rangeAlerts;
    private TradingDayBounds _bounds;

    public TickerDay(string symbol, MomentumOptions momentum, TickerDayState? state = null, RangeAlertOptions? rangeAlerts = null)
    {
        _momentum = momentum;
        _rangeAlerts = rangeAlerts ?? new RangeAlertOptions();
        State = state ?? new TickerDayState { Symbol = symbol };
        State.Symbol = symbol;
        if (State.Day != 0)
        {
            _bounds = TradingCalendar.BoundsOf(TradingCalendar.FromNumber(State.Day));
        }
    }

    public TickerDayState State { get; private set; }

    public string Symbol => State.Symbol;

    /// <summary>Events ignored because they belong to an earlier trading day than the current one.</summary>
    public long StaleEvents { get; private set; }

    /// <summary>Trades and LULD events ignored because their sequence number was already applied.</summary>
    public long DuplicateEvents { get; private set; }

    /// <summary>True when the day has started and no reference data for it has been applied.</summary>
    public bool NeedsReference => State.Day != 0 && State.Reference?.TradingDay != State.Day;

    /// <summary>Applies one event; alerts it raises are added to <paramref name="alerts"/>.</summary>
    public TickerChanges Apply(MarketEvent e, ICollection<ScannerAlert> alerts)
    {
        var time = e is Aggregate bar ? bar.Start : e.Timestamp;
        if (!EnterDayOf(time, out var changes))
        {
            StaleEvents++;
            return TickerChanges.None;
        }
        changes |= e switch
        {
            Aggregate a => ApplyBar(a, alerts),
            Trade t => ApplyTrade(t),
            Quote q => ApplyQuote(q),
            LuldBand l => ApplyLuld(l, alerts),
            FairMarketValue f => ApplyFairMarketValue(f),
            _ => TickerChanges.None,
        };
        if (changes != TickerChanges.None && e.Timestamp > State.LastUpdate)
        {
            State.LastUpdate = e.Timestamp;
        }
        if ((changes & TickerChanges.Row) != 0)
        {
            // A bar's data is complete at the end of its window, not at its start (the event's timestamp).
            var rowTime = e is Aggregate complete ? complete.End : e.Timestamp;
            State.LastRowEvent = Math.Max(State.LastRowEvent, rowTime);
        }
        return changes;
    }

    /// <summary>Applies hydrated reference data when it is for the current day (or before any event).</summary>
    public bool ApplyReference(ReferenceData reference)
    {
        if (State.Day != 0 && reference.TradingDay != State.Day)
        {
            return false;
        }
        State.Reference = reference;
        return true;
    }

    /// <summary>The trading day in progress (yyyymmdd), 0 before the first event.</summary>
    public int Day => State.Day;

    /// <summary>The session boundaries of <see cref="Day"/> (default before the first event).</summary>
    public TradingDayBounds Bounds => _bounds;

    public ScannerRow ToRow()
    {
        var s = State;
        var reference = s.Reference;
        var prevClose = reference?.PrevClose ?? 0;
        var avgVolume = reference?.AvgVolume ?? 0;
        var close = s.LastPrice;
        var officialOpen = s.OfficialOpen > 0 ? s.OfficialOpen : s.RegularOpen;
        var change = Change();
        var changeSinceOpen = officialOpen > 0 && close > 0 ? close - officialOpen : 0;
        return new ScannerRow(
            s.Symbol,
            s.Day,
            s.BarVolume,
            reference?.FreeFloat ?? 0,
            s.AccumulatedVolume,
            RelativeVolume(),
            officialOpen,
            s.BarVwap,
            s.Open,
            close,
            s.High,
            s.Low,
            s.DayVwap,
            s.AverageSize,
            avgVolume,
            prevClose,
            reference?.PrevOpen ?? 0,
            reference?.PrevHigh ?? 0,
            reference?.PrevLow ?? 0,
            reference?.PrevVolume ?? 0,
            reference?.PrevVwap ?? 0,
            change,
            DayPctChange(),
            changeSinceOpen,
            officialOpen > 0 ? changeSinceOpen / officialOpen * 100 : 0,
            s.BarStart,
            s.BarEnd,
            s.LastRowEvent,
            RelativeVolumeTimeOfDay(),
            s.BidPrice,
            s.BidSize,
            s.AskPrice,
            s.AskSize);
    }

    /// <summary>The row's figures a trader decides an alert on, as they are now.</summary>
    public AlertContext AlertContext() =>
        new(DayPctChange(), RelativeVolume(), State.Reference?.FreeFloat ?? 0, State.AccumulatedVolume);

    /// <summary><c>close - prev_day_close</c>, 0 unless both are known.</summary>
    private double Change()
    {
        var prevClose = State.Reference?.PrevClose ?? 0;
        return prevClose > 0 && State.LastPrice > 0 ? State.LastPrice - prevClose : 0;
    }

    private double DayPctChange() => State.Reference?.PrevClose is > 0 and var prevClose ? Change() / prevClose * 100 : 0;

    /// <summary>Whole-day relative volume: <c>accumulated_volume / avg_volume</c>, 0 without an average.</summary>
    private double RelativeVolume() =>
        State.Reference?.AvgVolume is > 0 and var avgVolume ? State.AccumulatedVolume / avgVolume : 0;

    /// <summary>
    /// Today's volume so far against the usual volume by the row's time of day (its newest event):
    /// <c>accumulated_volume / (avg_volume * share of a day's volume usually traded by then)</c>, per
    /// <see cref="IntradayVolumeProfile"/>; 0 without an average or before the day's first minute.
    /// </summary>
    private double RelativeVolumeTimeOfDay()
    {
        var usual = (State.Reference?.AvgVolume ?? 0) * IntradayVolumeProfile.ShareTradedBy(_bounds, State.LastRowEvent);
        return usual > 0 ? State.AccumulatedVolume / usual : 0;
    }

    public TickerSnapshot ToSnapshot()
    {
        var s = State;
        return new TickerSnapshot(
            ToRow(), s.LastTradePrice, s.LastTradeSize, s.LastTradeTime, s.TradeCount,
            s.BidPrice, s.BidSize, s.AskPrice, s.AskSize,
            s.PreMarket, s.Regular, s.AfterHours,
            s.UpperBand, s.LowerBand, s.IsHalted, s.HaltedAt, s.ResumedAt,
            s.FairMarketValue, s.Reference, s.LastUpdate);
    }

    /// <summary>Moves to the trading day of <paramref name="time"/>; false when that day is older than the current.</summary>
    private bool EnterDayOf(long time, out TickerChanges changes)
    {
        changes = TickerChanges.None;
        if (State.Day != 0 && _bounds.Contains(time))
        {
            return true;
        }
        var day = TradingCalendar.TradingDayOf(time);
        var number = TradingCalendar.ToNumber(day);
        if (number < State.Day)
        {
            return false;
        }
        if (number > State.Day)
        {
            StartDay(number);
            changes = TickerChanges.NewDay | TickerChanges.Row | TickerChanges.Range;
        }
        _bounds = TradingCalendar.BoundsOf(day);
        return true;
    }

    /// <summary>
    /// Ends the day on the clock, with no event (04:00 New York of the next trading day): everything of the old day
    /// goes, quote and bands included; false when <paramref name="day"/> (yyyymmdd) is not newer than the current one.
    /// </summary>
    public bool RollOver(int day)
    {
        if (day <= State.Day)
        {
            return false;
        }
        StartDay(day);
        _bounds = TradingCalendar.BoundsOf(TradingCalendar.FromNumber(day));
        return true;
    }

    /// <summary>True once the current day has an event of its own (a rolled-over day has none until one comes).</summary>
    public bool HasEvents => State.LastUpdate != 0;

    private void StartDay(int number)
    {
        var old = State;
        State = new TickerDayState
        {
            Symbol = old.Symbol,
            Day = number,
            Reference = old.Reference?.TradingDay == number ? old.Reference : null,
            ClockOffset = old.ClockOffset,
        };
    }

    private TickerChanges ApplyBar(Aggregate a, ICollection<ScannerAlert> alerts)
    {
        var s = State;
        if (s.Open == 0 || a.Start <= s.OpenWindow)
        {
            s.Open = a.Open;
            s.OpenWindow = a.Start;
        }
        s.High = Math.Max(s.High, a.High);
        s.Low = s.Low == 0 ? a.Low : Math.Min(s.Low, a.Low);
        if (a.Start >= _bounds.RegularOpen)
        {
            if (s.RegularOpen == 0 || a.Start <= s.RegularOpenWindow)
            {
                s.RegularOpen = a.Open;
                s.RegularOpenWindow = a.Start;
            }
            if (a.OfficialOpen is > 0 and var officialOpen)
            {
                s.OfficialOpen = officialOpen;
            }
        }
        s.AccumulatedVolume = Math.Max(s.AccumulatedVolume, a.AccumulatedVolume);

        var isLatest = a.End > s.BarEnd || (a.End == s.BarEnd && a.Start >= s.BarStart);
        if (isLatest)
        {
            s.BarVolume = a.Volume;
            s.BarVwap = a.Vwap;
            s.AverageSize = a.AverageTradeSize;
            s.DayVwap = a.DayVwap;
            s.BarStart = a.Start;
            s.BarEnd = a.End;
        }
        var closeTime = a.End - 1;
        if (closeTime >= s.LastPriceTime)
        {
            s.LastPrice = a.Close;
            s.LastPriceTime = closeTime;
        }

        var session = _bounds.SessionOf(a.Start);
        var changes = TickerChanges.Row;
        if (session != MarketSession.Closed && UpdateSessionRange(session, a, alerts))
        {
            changes |= TickerChanges.Range;
        }
        SampleMinute(a, isLatest);
        if (isLatest && session != MarketSession.Closed)
        {
            CheckMomentum(a, session, alerts);
        }
        return changes;
    }

    private bool UpdateSessionRange(MarketSession session, Aggregate a, ICollection<ScannerAlert> alerts)
    {
        var s = State;
        var range = session switch
        {
            MarketSession.PreMarket => s.PreMarket,
            MarketSession.Regular => s.Regular,
            _ => s.AfterHours,
        };
        var updated = range;
        if (a.High > range.High)
        {
            if (range.High > 0 && s.HighAlert.Allows(session, a.High, a.End, _rangeAlerts))
            {
                s.HighAlert = new RangeAlertMark(session, a.High, a.End);
                alerts.Add(RangeAlert(AlertKind.NewHigh, session, a, a.High, range.High));
            }
            updated = updated with { High = a.High };
        }
        if (a.Low > 0 && (range.Low == 0 || a.Low < range.Low))
        {
            if (range.Low > 0 && s.LowAlert.Allows(session, a.Low, a.End, _rangeAlerts))
            {
                s.LowAlert = new RangeAlertMark(session, a.Low, a.End);
                alerts.Add(RangeAlert(AlertKind.NewLow, session, a, a.Low, range.Low));
            }
            updated = updated with { Low = a.Low };
        }
        if (updated == range)
        {
            return false;
        }
        switch (session)
        {
            case MarketSession.PreMarket: s.PreMarket = updated; break;
            case MarketSession.Regular: s.Regular = updated; break;
            default: s.AfterHours = updated; break;
        }
        return true;
    }

    private ScannerAlert RangeAlert(AlertKind kind, MarketSession session, Aggregate a, double price, double previous) =>
        new(kind, Symbol, a.End, session, price, previous, 0, 0, 0, 0,
            string.Create(CultureInfo.InvariantCulture,
                $"Broke {SessionName(session)} {(kind == AlertKind.NewHigh ? "high" : "low")} of ${previous:0.00##}"),
            AlertContext());

    private static string SessionName(MarketSession session) => session switch
    {
        MarketSession.PreMarket => "pre-market",
        MarketSession.Regular => "regular session",
        MarketSession.AfterHours => "after-hours",
        _ => "overnight",
    };

    /// <summary>Keeps the accumulated volume and close at the end of each minute, in a ring indexed by minute.</summary>
    private void SampleMinute(Aggregate a, bool isLatest)
    {
        var s = State;
        var minute = (a.End - 1) / 60_000;
        var slot = (int)(minute % TickerDayState.MinuteMemory);
        if (s.MinuteNumbers[slot] != minute)
        {
            if (s.MinuteNumbers[slot] > minute)
            {
                return; // older than the ring remembers
            }
            s.MinuteNumbers[slot] = minute;
            s.MinuteVolumes[slot] = a.AccumulatedVolume;
            s.MinuteCloses[slot] = a.Close;
            return;
        }
        s.MinuteVolumes[slot] = Math.Max(s.MinuteVolumes[slot], a.AccumulatedVolume);
        if (isLatest)
        {
            s.MinuteCloses[slot] = a.Close;
        }
    }

    private void CheckMomentum(Aggregate a, MarketSession session, ICollection<ScannerAlert> alerts)
    {
        var s = State;
        var avgVolume = s.Reference?.AvgVolume ?? 0;
        var window = Math.Clamp(_momentum.WindowMinutes, 1, TickerDayState.MinuteMemory - 1);
        if (avgVolume <= 0 || a.Close < _momentum.MinPrice
            || (s.LastMomentumAlert != 0 && a.End - s.LastMomentumAlert < _momentum.CooldownMinutes * 60_000L))
        {
            return;
        }
        var minute = (a.End - 1) / 60_000;
        for (var back = window; back >= 1; back--)
        {
            var slot = (int)((minute - back) % TickerDayState.MinuteMemory);
            if (s.MinuteNumbers[slot] != minute - back)
            {
                continue;
            }
            var startPrice = s.MinuteCloses[slot];
            if (startPrice <= 0)
            {
                return;
            }
            var pctChange = (a.Close - startPrice) / startPrice * 100;
            var normalVolume = avgVolume / 390 * back;
            var volumeRatio = (s.AccumulatedVolume - s.MinuteVolumes[slot]) / normalVolume;
            if (pctChange >= _momentum.MinPctChangeAt(a.Close) && volumeRatio >= _momentum.MinVolumeRatio)
            {
                s.LastMomentumAlert = a.End;
                alerts.Add(new ScannerAlert(
                    AlertKind.Momentum, Symbol, a.End, session, a.Close, startPrice, 0, pctChange, volumeRatio, back,
                    string.Create(CultureInfo.InvariantCulture,
                        $"Up {pctChange:0.0}% in {back} min on {volumeRatio:0.0}x normal volume"),
                    AlertContext()));
            }
            return;
        }
    }

    private TickerChanges ApplyTrade(Trade t)
    {
        var s = State;
        if (t.Sequence > 0 && !RememberSequence((t.Sequence << 2) | (uint)(t.Tape & 3)))
        {
            DuplicateEvents++;
            return TickerChanges.None;
        }
        s.TradeCount++;
        var changes = CandleBuilder.Apply(s.Candles, _bounds, t) ? TickerChanges.Other | TickerChanges.Chart : TickerChanges.Other;
        if (t.Timestamp >= s.LastTradeTime)
        {
            s.LastTradePrice = t.Price;
            s.LastTradeSize = t.Size;
            s.LastTradeTime = t.Timestamp;
        }
        if (t.Timestamp >= s.LastPriceTime && t.Price > 0)
        {
            s.LastPrice = t.Price;
            s.LastPriceTime = t.Timestamp;
            changes |= TickerChanges.Row;
        }
        return changes;
    }

    /// <summary>False when <paramref name="key"/> is among the last sequences seen; otherwise remembers it.</summary>
    private bool RememberSequence(long key)
    {
        var s = State;
        var recent = s.RecentSequences;
        var count = (int)Math.Min(s.RecentSequenceCount, recent.Length);
        for (var i = 0; i < count; i++)
        {
            if (recent[i] == key)
            {
                return false;
            }
        }
        recent[s.RecentSequenceCount % recent.Length] = key;
        s.RecentSequenceCount++;
        return true;
    }

    private TickerChanges ApplyQuote(Quote q)
    {
        var s = State;
        if (q.Timestamp < s.QuoteTime)
        {
            return TickerChanges.None;
        }
        s.BidPrice = q.BidPrice;
        s.BidSize = q.BidSize;
        s.AskPrice = q.AskPrice;
        s.AskSize = q.AskSize;
        s.QuoteTime = q.Timestamp;
        return TickerChanges.Other;
    }

    private TickerChanges ApplyLuld(LuldBand l, ICollection<ScannerAlert> alerts)
    {
        var s = State;
        if (l.Sequence > 0 && l.Sequence <= s.LuldSequence)
        {
            DuplicateEvents++;
            return TickerChanges.None;
        }
        s.LuldSequence = Math.Max(s.LuldSequence, l.Sequence);
        if (l.Timestamp >= s.LuldTime)
        {
            s.UpperBand = l.UpperPrice;
            s.LowerBand = l.LowerPrice;
            s.LuldTime = l.Timestamp;
        }
        var session = _bounds.SessionOf(l.Timestamp);
        var wasHalted = s.IsHalted;
        if (l.Indicators.Contains(LuldIndicators.Halt) && !s.IsHalted)
        {
            s.IsHalted = true;
            s.HaltedAt = l.Timestamp;
            s.Halts.Add(new HaltPeriod(l.Timestamp, 0));
            alerts.Add(new ScannerAlert(
                AlertKind.Halt, Symbol, l.Timestamp, session, s.LastPrice, l.UpperPrice, l.LowerPrice, 0, 0, 0,
                $"Halted (LULD) at {ClockTime(l.Timestamp)} ET", AlertContext()));
        }
        else if (l.Indicators.Contains(LuldIndicators.Resume) && s.IsHalted)
        {
            s.IsHalted = false;
            s.ResumedAt = l.Timestamp;
            if (s.Halts.Count > 0 && s.Halts[^1].End == 0)
            {
                s.Halts[^1] = s.Halts[^1] with { End = l.Timestamp };
            }
            var haltedMs = Math.Max(0, l.Timestamp - s.HaltedAt);
            var halted = TimeSpan.FromMilliseconds(haltedMs);
            alerts.Add(new ScannerAlert(
                AlertKind.Resume, Symbol, l.Timestamp, session, s.LastPrice, l.UpperPrice, l.LowerPrice, 0, 0, 0,
                string.Create(CultureInfo.InvariantCulture,
                    $"Resumed at {ClockTime(l.Timestamp)} ET after {(int)halted.TotalMinutes}m {halted.Seconds}s"),
                AlertContext(), haltedMs));
        }
        return s.IsHalted != wasHalted ? TickerChanges.Other | TickerChanges.Chart : TickerChanges.Other;
    }

    private static string ClockTime(long unixMs) =>
        TradingCalendar.ToNewYork(unixMs).ToString("HH:mm:ss", CultureInfo.InvariantCulture);

    private TickerChanges ApplyFairMarketValue(FairMarketValue f)
    {
        State.FairMarketValue = f.Value;
        return TickerChanges.Other;
    }
}
