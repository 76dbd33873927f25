namespace Scanner.Simulator.Sources;

/// <summary>
/// How every source hands its events to the broadcaster: at most <see cref="MaxBatch"/> at once (a bounded array and
/// a bounded stretch of work between two looks at the clock), looking at the clock at least every <see cref="Tick"/>.
/// </summary>
public static class SourcePacing
{
    public const int MaxBatch = 4_096;

    public static readonly TimeSpan Tick = TimeSpan.FromMilliseconds(5);
}
