using System.ComponentModel.DataAnnotations;

namespace Scanner.ScannerFeeds;

/// <summary>Timing of the silo side of the fan-out (section <c>FeedPublishing</c>).</summary>
public sealed class ScannerFeedPublishingOptions
{
    /// <summary>How often pending updates go out; also the most an update waits in the silo.</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "10675199.02:48:05.4775807", ErrorMessage = "FeedPublishing:FlushInterval must be positive")]
    public TimeSpan FlushInterval { get; set; } = TimeSpan.FromMilliseconds(20);

    /// <summary>How often the silo asks the registry whether the gateway table changed.</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "10675199.02:48:05.4775807", ErrorMessage = "FeedPublishing:RegistryPollInterval must be positive")]
    public TimeSpan RegistryPollInterval { get; set; } = TimeSpan.FromSeconds(1);
}
