namespace Scanner.Tests.Support.Launcher;

/// <summary>What the simulator process sends: the replayed day or synthetic load (see Simulator/SimulatorOptions.cs).</summary>
public sealed record SimulatorSettings
{
    /// <summary>The key the simulator accepts and the silos send.</summary>
    public string ApiKey { get; init; } = "system-key";

    /// <summary><c>Replay</c>, <c>Synthetic</c> or <c>Demo</c> (both on one clock).</summary>
    public string Source { get; init; } = "Replay";

    /// <summary>Replay speed (1 = real time); null keeps the simulator's default.</summary>
    public double? Speed { get; init; }

    /// <summary>New York time the session clock starts at, <c>HH:mm</c>; null keeps the simulator's default.</summary>
    public string? Start { get; init; }

    /// <summary>Synthetic tickers, total events per second, most events per frame; null keeps the simulator's defaults.</summary>
    public int? Tickers { get; init; }

    public double? Rate { get; init; }

    public int? FrameSize { get; init; }

    /// <summary>A fixed port (scripts); 0 takes a free one.</summary>
    public int Port { get; init; }
}
