using System.Globalization;

namespace Scanner.Benchmarks;

/// <summary>The <c>--name value</c> options of the load-run verbs.</summary>
internal static class LoadRunArguments
{
    public static string? Text(string[] args, string name)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
    }

    public static int Int(string[] args, string name, int fallback) =>
        Text(args, name) is { } value ? int.Parse(value, CultureInfo.InvariantCulture) : fallback;

    public static double Double(string[] args, string name, double fallback) =>
        Text(args, name) is { } value ? double.Parse(value, CultureInfo.InvariantCulture) : fallback;
}
