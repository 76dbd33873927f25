namespace Scanner.Simulator.Reference;

/// <summary>Reference data of two sources on the same day whose symbols do not overlap: the first that knows a symbol answers.</summary>
public sealed class CombinedReferenceData(IReferenceData first, IReferenceData second) : IReferenceData
{
    public DateOnly Day => first.Day;

    public IEnumerable<string> Symbols => first.Symbols.Concat(second.Symbols);

    public IReadOnlyList<ReferenceBar>? DailyBars(string symbol) => first.DailyBars(symbol) ?? second.DailyBars(symbol);

    public long? FreeFloat(string symbol) => first.FreeFloat(symbol) ?? second.FreeFloat(symbol);
}
