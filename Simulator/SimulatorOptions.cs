namespace Scanner.Simulator;

/// <summary>Which events the simulator sends.</summary>
public enum FeedSourceKind
{
    /// <summary>Replays a real trading day from a LEAN-style data folder.</summary>
    Replay,
    /// <summary>Generates seeded random price paths for many tickers at a fixed total event rate.</summary>
    Synthetic,
    /// <summary>The replayed day and a small synthetic universe together, on one session clock: the demo.</summary>
    Demo,
}

/// <summary>
/// Everything that shapes one simulator run. Bound from the <c>Simulator</c> configuration section, environment
/// variables (<c>Simulator__Port</c>, ...) and command line switches (<c>--port</c>, ...; see <see cref="Hosting.SimulatorConfiguration"/>).
/// </summary>
public sealed class SimulatorOptions
{
    public const string Section = "Simulator";

    /// <summary>Address to listen on; 127.0.0.1 by default, 0.0.0.0 in a container.</summary>
    public string Host { get; set; } = "127.0.0.1";

    /// <summary>TCP port; 0 picks a free one (tests).</summary>
    public int Port { get; set; }

    /// <summary>The one API key the WebSocket and REST endpoints accept.</summary>
    public string ApiKey { get; set; } = "simulator-key";

    public FeedSourceKind Source { get; set; } = FeedSourceKind.Replay;

    /// <summary>LEAN-style data folder (tick/, second/, daily/); the shipped sample day when empty.</summary>
    public string? DataFolder { get; set; }

    /// <summary>The trading day: replay day (default 2013-10-07) or synthetic session day (default today in New York, Friday on weekends).</summary>
    public DateOnly? Day { get; set; }

    /// <summary>
    /// Session clock speed: 1 real time, N times faster, 0 as fast as the clients take it (replay only: the synthetic
    /// source paces its events by the clock, so it needs one that runs).
    /// </summary>
    public double Speed { get; set; } = 1;

    /// <summary>New York time at which the session clock starts (default 09:25 for replay, 09:30 for synthetic).</summary>
    public TimeOnly? Start { get; set; }

    /// <summary>Synthetic: number of tickers (default 5,000; 300 in the demo).</summary>
    public int? Tickers { get; set; }

    /// <summary>Synthetic: total events per second of session time over all tickers and kinds (default 20,000; 300 in the demo, which runs sped up).</summary>
    public double? Rate { get; set; }

    public int SyntheticTickers => Tickers ?? (Source == FeedSourceKind.Demo ? 300 : 5_000);

    public double SyntheticRate => Rate ?? (Source == FeedSourceKind.Demo ? 300 : 20_000);

    /// <summary>Synthetic: random seed, so that a run can be repeated.</summary>
    public int Seed { get; set; } = 42;

    /// <summary>Most events in one WebSocket frame.</summary>
    public int FrameSize { get; set; } = 50;

    /// <summary>Seconds a new connection has to authenticate before it gets <c>auth_timeout</c>.</summary>
    public double AuthTimeoutSeconds { get; set; } = 5;

    /// <summary>Events a connection may have queued before new ones are dropped (and counted) for it.</summary>
    public int QueueCapacity { get; set; } = 100_000;

    /// <summary>Concurrent connections one key may hold; 1 as on Massive, where a second one gets <c>max_connections</c>.</summary>
    public int MaxConnectionsPerKey { get; set; } = 1;

    public static readonly DateOnly SampleDay = new(2013, 10, 7);

    public string ResolveDataFolder() =>
        string.IsNullOrWhiteSpace(DataFolder) ? Path.Combine(AppContext.BaseDirectory, "data", "lean") : DataFolder;

    public void Validate()
    {
        if (FrameSize < 1) throw new ArgumentException("Simulator:FrameSize must be at least 1.");
        if (Speed < 0) throw new ArgumentException("Simulator:Speed must be 0 (as fast as possible) or positive.");
        if (Speed == 0 && Source == FeedSourceKind.Synthetic) throw new ArgumentException("Simulator:Speed 0 is for the replay; the synthetic source needs a positive speed.");
        if (Tickers is < 1) throw new ArgumentException("Simulator:Tickers must be at least 1.");
        if (Rate is <= 0) throw new ArgumentException("Simulator:Rate must be positive.");
        if (QueueCapacity < FrameSize) throw new ArgumentException("Simulator:QueueCapacity must hold at least one frame.");
        if (AuthTimeoutSeconds <= 0) throw new ArgumentException("Simulator:AuthTimeoutSeconds must be positive.");
        if (MaxConnectionsPerKey < 1) throw new ArgumentException("Simulator:MaxConnectionsPerKey must be at least 1.");
        if (string.IsNullOrEmpty(ApiKey)) throw new ArgumentException("Simulator:ApiKey must not be empty.");
    }
}
