namespace Scanner.Feeds;

/// <summary>Timing of the silo side of the fan-out (section <c>FeedPublishing</c>).</summary>
public sealed class FeedPublishingOptions
{
    /// <summary>How often pending updates go out; also the most an update waits in the silo.</summary>
    public TimeSpan FlushInterval { get; set; } = TimeSpan.FromMilliseconds(20);

    /// <summary>How often the silo asks the registry whether the gateway table changed.</summary>
    public TimeSpan RegistryPollInterval { get; set; } = TimeSpan.FromSeconds(1);
}
