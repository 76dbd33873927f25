namespace Scanner.Benchmarks.Report;

/// <summary>The machine a report was measured on, from <c>/proc</c>: CPU model, cores, memory.</summary>
internal static class MachineDescription
{
    public static string Describe()
    {
        var model = ReadField("/proc/cpuinfo", "model name") ?? "unknown CPU";
        var memoryKb = ReadField("/proc/meminfo", "MemTotal")?.Split(' ', StringSplitOptions.RemoveEmptyEntries)[0];
        var memory = long.TryParse(memoryKb, out var kb) ? $"{kb / 1024.0 / 1024.0:F1} GB RAM" : "unknown RAM";
        return $"{model}, {Environment.ProcessorCount} cores, {memory}, {Environment.OSVersion}, .NET {Environment.Version}";
    }

    private static string? ReadField(string file, string name) =>
        File.Exists(file)
            ? File.ReadLines(file).Where(l => l.StartsWith(name, StringComparison.Ordinal))
                .Select(l => l[(l.IndexOf(':') + 1)..].Trim()).FirstOrDefault()
            : null;
}
