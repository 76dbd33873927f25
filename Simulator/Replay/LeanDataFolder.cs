using System.Collections.Concurrent;
using System.Globalization;
using Scanner.Simulator.Reference;

namespace Scanner.Simulator.Replay;

/// <summary>
/// A folder laid out like LEAN's equity data: <c>tick/{sym}_{yyyyMMdd}_trade.zip</c> (and optionally
/// <c>tick/{sym}_{yyyyMMdd}_quote.zip</c>), <c>second/...</c>,
/// <c>daily/{sym}.zip</c>, plus an optional <c>free-float.csv</c> (<c>symbol,shares</c>). It is also the reference
/// data of a replay: daily bars are read on first use and kept.
/// </summary>
public sealed class LeanDataFolder : IReferenceData
{
    private readonly ConcurrentDictionary<string, IReadOnlyList<ReferenceBar>?> _daily = new(StringComparer.Ordinal);
    private readonly Lazy<Dictionary<string, long>> _floats;

    public LeanDataFolder(string root, DateOnly day)
    {
        if (!Directory.Exists(root))
        {
            throw new DirectoryNotFoundException($"Replay data folder not found: {root}");
        }
        Root = root;
        Day = day;
        _floats = new Lazy<Dictionary<string, long>>(ReadFloats);
    }

    public string Root { get; }
    public DateOnly Day { get; }

    /// <summary>The symbols (upper case) that have a tick file for the day, sorted.</summary>
    public IReadOnlyList<string> SymbolsWithTicks()
    {
        var folder = Path.Combine(Root, "tick");
        if (!Directory.Exists(folder))
        {
            return [];
        }
        var suffix = $"_{Day:yyyyMMdd}_trade.zip";
        return Directory.EnumerateFiles(folder, "*" + suffix)
            .Select(path => Path.GetFileName(path)[..^suffix.Length].ToUpperInvariant())
            .Order(StringComparer.Ordinal)
            .ToList();
    }

    public string TickFile(string symbol) => TickPath(symbol, "trade");

    /// <summary>The symbol's quote tick file for the day, or null when the folder has none.</summary>
    public string? QuoteFile(string symbol)
    {
        var path = TickPath(symbol, "quote");
        return File.Exists(path) ? path : null;
    }

    private string TickPath(string symbol, string kind) =>
        Path.Combine(Root, "tick", $"{symbol.ToLowerInvariant()}_{Day:yyyyMMdd}_{kind}.zip");

    /// <summary>The symbols with a daily file (<c>daily/{sym}.zip</c>), upper case.</summary>
    public IEnumerable<string> Symbols
    {
        get
        {
            var folder = Path.Combine(Root, "daily");
            return Directory.Exists(folder)
                ? Directory.EnumerateFiles(folder, "*.zip").Select(static path => Path.GetFileNameWithoutExtension(path).ToUpperInvariant())
                : [];
        }
    }

    public IReadOnlyList<ReferenceBar>? DailyBars(string symbol) =>
        _daily.GetOrAdd(symbol.ToUpperInvariant(), s =>
        {
            var path = Path.Combine(Root, "daily", $"{s.ToLowerInvariant()}.zip");
            return File.Exists(path) ? LeanCsv.ReadDailyBars(path) : null;
        });

    public long? FreeFloat(string symbol) =>
        _floats.Value.TryGetValue(symbol.ToUpperInvariant(), out var shares) ? shares : null;

    private Dictionary<string, long> ReadFloats()
    {
        var floats = new Dictionary<string, long>(StringComparer.Ordinal);
        var path = Path.Combine(Root, "free-float.csv");
        if (!File.Exists(path))
        {
            return floats;
        }
        foreach (var line in File.ReadLines(path))
        {
            var parts = line.Split(',', StringSplitOptions.TrimEntries);
            if (parts.Length >= 2 && long.TryParse(parts[1], NumberStyles.Integer, CultureInfo.InvariantCulture, out var shares))
            {
                floats[parts[0].ToUpperInvariant()] = shares;
            }
        }
        return floats;
    }
}
