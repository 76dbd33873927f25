namespace Scanner.Simulator.Reference;

/// <summary>The reference data behind the REST endpoints: daily bars and free float per symbol.</summary>
public interface IReferenceData
{
    /// <summary>The simulated trading day ("today").</summary>
    DateOnly Day { get; }

    /// <summary>Every symbol with daily bars (the grouped daily bars and the float listing enumerate them).</summary>
    IEnumerable<string> Symbols { get; }

    /// <summary>The daily bars of a symbol in date order, or null for an unknown symbol.</summary>
    IReadOnlyList<ReferenceBar>? DailyBars(string symbol);

    /// <summary>Free float in shares, or null when unknown.</summary>
    long? FreeFloat(string symbol);
}

public static class ReferenceDataExtensions
{
    /// <summary>The last daily bar before the simulated day, or null.</summary>
    public static ReferenceBar? PreviousDay(this IReferenceData data, string symbol)
    {
        var bars = data.DailyBars(symbol);
        if (bars is null)
        {
            return null;
        }
        for (var i = bars.Count - 1; i >= 0; i--)
        {
            if (bars[i].Date < data.Day)
            {
                return bars[i];
            }
        }
        return null;
    }
}
