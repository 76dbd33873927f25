using System.Buffers;
using System.Buffers.Text;
using System.Text;
using System.Text.Json;
using Scanner.MarketData;

namespace Scanner.Simulator.Protocol;

/// <summary>
/// Serialises market data records into one Massive stocks frame (a JSON array of events) with the exact wire field
/// names of the feed, into a pooled buffer that is reused from frame to frame. No per-event strings or arrays.
/// Usage: <see cref="Write(MarketEvent)"/> events, take <see cref="CompleteFrame"/>, send it, then <see cref="Reset"/>.
/// </summary>
public sealed class FeedFrameWriter : IDisposable
{
    private static readonly JsonWriterOptions Options = new() { SkipValidation = true };

    private static readonly JsonEncodedText Ev = JsonEncodedText.Encode("ev");
    private static readonly JsonEncodedText Sym = JsonEncodedText.Encode("sym");
    private static readonly JsonEncodedText StatusName = JsonEncodedText.Encode("status");
    private static readonly JsonEncodedText MessageName = JsonEncodedText.Encode("message");
    private static readonly JsonEncodedText StatusEv = JsonEncodedText.Encode("status");
    private static readonly JsonEncodedText TradeEv = JsonEncodedText.Encode("T");
    private static readonly JsonEncodedText QuoteEv = JsonEncodedText.Encode("Q");
    private static readonly JsonEncodedText SecondEv = JsonEncodedText.Encode("A");
    private static readonly JsonEncodedText MinuteEv = JsonEncodedText.Encode("AM");
    private static readonly JsonEncodedText LuldEv = JsonEncodedText.Encode("LULD");
    private static readonly JsonEncodedText NoiEv = JsonEncodedText.Encode("NOI");
    private static readonly JsonEncodedText FmvEv = JsonEncodedText.Encode("FMV");
    private static readonly JsonEncodedText T = JsonEncodedText.Encode("T");
    private static readonly JsonEncodedText X = JsonEncodedText.Encode("x");
    private static readonly JsonEncodedText I = JsonEncodedText.Encode("i");
    private static readonly JsonEncodedText Z = JsonEncodedText.Encode("z");
    private static readonly JsonEncodedText P = JsonEncodedText.Encode("p");
    private static readonly JsonEncodedText S = JsonEncodedText.Encode("s");
    private static readonly JsonEncodedText C = JsonEncodedText.Encode("c");
    private static readonly JsonEncodedText Tm = JsonEncodedText.Encode("t");
    private static readonly JsonEncodedText Q = JsonEncodedText.Encode("q");
    private static readonly JsonEncodedText Trfi = JsonEncodedText.Encode("trfi");
    private static readonly JsonEncodedText Trft = JsonEncodedText.Encode("trft");
    private static readonly JsonEncodedText Bx = JsonEncodedText.Encode("bx");
    private static readonly JsonEncodedText Bp = JsonEncodedText.Encode("bp");
    private static readonly JsonEncodedText Bs = JsonEncodedText.Encode("bs");
    private static readonly JsonEncodedText Ax = JsonEncodedText.Encode("ax");
    private static readonly JsonEncodedText Ap = JsonEncodedText.Encode("ap");
    private static readonly JsonEncodedText As = JsonEncodedText.Encode("as");
    private static readonly JsonEncodedText V = JsonEncodedText.Encode("v");
    private static readonly JsonEncodedText Av = JsonEncodedText.Encode("av");
    private static readonly JsonEncodedText Op = JsonEncodedText.Encode("op");
    private static readonly JsonEncodedText Vw = JsonEncodedText.Encode("vw");
    private static readonly JsonEncodedText O = JsonEncodedText.Encode("o");
    private static readonly JsonEncodedText H = JsonEncodedText.Encode("h");
    private static readonly JsonEncodedText L = JsonEncodedText.Encode("l");
    private static readonly JsonEncodedText A = JsonEncodedText.Encode("a");
    private static readonly JsonEncodedText E = JsonEncodedText.Encode("e");
    private static readonly JsonEncodedText Otc = JsonEncodedText.Encode("otc");
    private static readonly JsonEncodedText Dv = JsonEncodedText.Encode("dv");
    private static readonly JsonEncodedText Dav = JsonEncodedText.Encode("dav");
    private static readonly JsonEncodedText At = JsonEncodedText.Encode("at");
    private static readonly JsonEncodedText B = JsonEncodedText.Encode("b");
    private static readonly JsonEncodedText Fmv = JsonEncodedText.Encode("fmv");

    private readonly ArrayBufferWriter<byte> _buffer = new(16 * 1024);
    private readonly Utf8JsonWriter _json;
    private bool _open;

    public FeedFrameWriter()
    {
        _json = new Utf8JsonWriter(_buffer, Options);
    }

    /// <summary>Events (and statuses) written into the current frame.</summary>
    public int Count { get; private set; }

    /// <summary>A whole frame holding one status message, e.g. <c>[{"ev":"status","status":"connected",...}]</c>.</summary>
    public static byte[] StatusFrame(string status, string message)
    {
        using var writer = new FeedFrameWriter();
        writer.WriteStatus(status, message);
        return writer.CompleteFrame().ToArray();
    }

    public void WriteStatus(string status, string message)
    {
        Open();
        _json.WriteStartObject();
        _json.WriteString(Ev, StatusEv);
        _json.WriteString(StatusName, status);
        _json.WriteString(MessageName, message);
        _json.WriteEndObject();
        Count++;
    }

    public void Write(MarketEvent e)
    {
        Open();
        switch (e)
        {
            case Trade trade: WriteTrade(trade); break;
            case Quote quote: WriteQuote(quote); break;
            case Aggregate aggregate: WriteAggregate(aggregate); break;
            case LuldBand band: WriteLuld(band); break;
            case Imbalance imbalance: WriteImbalance(imbalance); break;
            case FairMarketValue fmv: WriteFmv(fmv); break;
            default: throw new ArgumentException($"No wire format for {e.GetType().Name}.", nameof(e));
        }
        Count++;
    }

    /// <summary>Closes the array and returns the frame's bytes, valid until <see cref="Reset"/>.</summary>
    public ReadOnlyMemory<byte> CompleteFrame()
    {
        Open();
        _json.WriteEndArray();
        _json.Flush();
        return _buffer.WrittenMemory;
    }

    public void Reset()
    {
        _buffer.ResetWrittenCount();
        _json.Reset(_buffer);
        _open = false;
        Count = 0;
    }

    public void Dispose()
    {
        _json.Dispose();
    }

    private void Open()
    {
        if (!_open)
        {
            _json.WriteStartArray();
            _open = true;
        }
    }

    private void WriteTrade(Trade t)
    {
        _json.WriteStartObject();
        _json.WriteString(Ev, TradeEv);
        _json.WriteString(Sym, t.Symbol);
        _json.WriteNumber(X, t.Exchange);
        WriteTradeId(t.Id);
        _json.WriteNumber(Z, t.Tape);
        WritePrice(P, t.Price);
        _json.WriteNumber(S, t.Size);
        if (t.Conditions.Count > 0)
        {
            WriteCodes(C, t.Conditions);
        }
        _json.WriteNumber(Tm, t.RawTimestamp);
        _json.WriteNumber(Q, t.Sequence);
        if (t.TrfId != 0)
        {
            _json.WriteNumber(Trfi, t.TrfId);
            _json.WriteNumber(Trft, t.TrfTimestamp);
        }
        _json.WriteEndObject();
    }

    private void WriteQuote(Quote q)
    {
        _json.WriteStartObject();
        _json.WriteString(Ev, QuoteEv);
        _json.WriteString(Sym, q.Symbol);
        _json.WriteNumber(Bx, q.BidExchange);
        WritePrice(Bp, q.BidPrice);
        _json.WriteNumber(Bs, q.BidSize);
        _json.WriteNumber(Ax, q.AskExchange);
        WritePrice(Ap, q.AskPrice);
        _json.WriteNumber(As, q.AskSize);
        _json.WriteNumber(C, q.Condition);
        if (q.Indicators.Count > 0)
        {
            WriteCodes(I, q.Indicators);
        }
        _json.WriteNumber(Tm, q.RawTimestamp);
        _json.WriteNumber(Q, q.Sequence);
        _json.WriteNumber(Z, q.Tape);
        _json.WriteEndObject();
    }

    private void WriteAggregate(Aggregate a)
    {
        _json.WriteStartObject();
        _json.WriteString(Ev, a.IsMinute ? MinuteEv : SecondEv);
        _json.WriteString(Sym, a.Symbol);
        _json.WriteNumber(V, a.Volume);
        _json.WriteNumber(Av, a.AccumulatedVolume);
        if (a.PreciseVolume is { } dv)
        {
            WriteDecimalString(Dv, dv);
        }
        if (a.PreciseAccumulatedVolume is { } dav)
        {
            WriteDecimalString(Dav, dav);
        }
        if (a.OfficialOpen is { } op)
        {
            WritePrice(Op, op);
        }
        WritePrice(Vw, a.Vwap);
        WritePrice(O, a.Open);
        WritePrice(C, a.Close);
        WritePrice(H, a.High);
        WritePrice(L, a.Low);
        WritePrice(A, a.DayVwap);
        WritePrice(Z, a.AverageTradeSize);
        _json.WriteNumber(S, a.Start);
        _json.WriteNumber(E, a.End);
        if (a.IsOtc)
        {
            _json.WriteBoolean(Otc, true);
        }
        _json.WriteEndObject();
    }

    private void WriteLuld(LuldBand b)
    {
        _json.WriteStartObject();
        _json.WriteString(Ev, LuldEv);
        _json.WriteString(T, b.Symbol);
        WritePrice(H, b.UpperPrice);
        WritePrice(L, b.LowerPrice);
        WriteCodes(I, b.Indicators);
        _json.WriteNumber(Z, b.Tape);
        _json.WriteNumber(Tm, b.RawTimestamp);
        _json.WriteNumber(Q, b.Sequence);
        _json.WriteEndObject();
    }

    private void WriteImbalance(Imbalance n)
    {
        Span<byte> auctionType = stackalloc byte[4];
        var typeLength = new Rune(n.AuctionType).EncodeToUtf8(auctionType);
        _json.WriteStartObject();
        _json.WriteString(Ev, NoiEv);
        _json.WriteString(T, n.Symbol);
        _json.WriteNumber(Tm, n.RawTimestamp);
        _json.WriteNumber(At, n.AuctionTime);
        _json.WriteString(A, auctionType[..typeLength]);
        _json.WriteNumber(I, n.SymbolSequence);
        _json.WriteNumber(X, n.Exchange);
        _json.WriteNumber(O, n.ImbalanceQuantity);
        _json.WriteNumber(P, n.PairedQuantity);
        WritePrice(B, n.BookClearingPrice);
        _json.WriteEndObject();
    }

    private void WriteFmv(FairMarketValue f)
    {
        _json.WriteStartObject();
        _json.WriteString(Ev, FmvEv);
        WritePrice(Fmv, f.Value);
        _json.WriteString(Sym, f.Symbol);
        _json.WriteNumber(Tm, f.RawTimestamp);
        _json.WriteEndObject();
    }

    /// <summary>
    /// Writes a price. Feed prices have at most four decimals, which print much faster as scaled integers than
    /// through the general shortest-round-trip double formatting; anything else takes the general path.
    /// </summary>
    private void WritePrice(JsonEncodedText name, double value)
    {
        var scaled = value * 10_000;
        var rounded = Math.Round(scaled);
        if (Math.Abs(scaled - rounded) > 1e-6 || Math.Abs(rounded) >= 1e15)
        {
            _json.WriteNumber(name, value);
            return;
        }
        Span<byte> text = stackalloc byte[24];
        var units = (long)rounded;
        var length = 0;
        if (units < 0)
        {
            text[length++] = (byte)'-';
            units = -units;
        }
        Utf8Formatter.TryFormat(units / 10_000, text[length..], out var written);
        length += written;
        var fraction = (int)(units % 10_000);
        if (fraction != 0)
        {
            text[length++] = (byte)'.';
            for (var divisor = 1_000; fraction != 0; divisor /= 10)
            {
                text[length++] = (byte)('0' + fraction / divisor);
                fraction %= divisor;
            }
        }
        _json.WritePropertyName(name);
        _json.WriteRawValue(text[..length], skipInputValidation: true);
    }

    private void WriteTradeId(TradeId id)
    {
        if (id.Text is { } text)
        {
            _json.WriteString(I, text);
            return;
        }
        Span<byte> digits = stackalloc byte[20];
        Utf8Formatter.TryFormat(id.Number, digits, out var length);
        _json.WriteString(I, digits[..length]);
    }

    private void WriteCodes(JsonEncodedText name, ConditionCodes codes)
    {
        _json.WriteStartArray(name);
        for (var i = 0; i < codes.Count; i++)
        {
            _json.WriteNumberValue(codes[i]);
        }
        _json.WriteEndArray();
    }

    private void WriteDecimalString(JsonEncodedText name, double value)
    {
        Span<byte> text = stackalloc byte[32];
        Utf8Formatter.TryFormat((decimal)value, text, out var length);
        _json.WriteString(name, text[..length]);
    }
}
