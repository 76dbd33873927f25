using System.ComponentModel.DataAnnotations;

namespace Scanner.Silo.MarketFeed;

/// <summary>
/// The upstream Massive stocks WebSocket (section <c>Feed</c>; the original's variable names are mapped onto it by
/// <see cref="ServiceDefaults.Configuration.EnvironmentAliases"/>).
/// </summary>
public sealed class MarketFeedOptions
{
    public const string Section = "Feed";

    /// <summary>Real-time feed; <see cref="DelayedUrl"/> is the 15-minute delayed one.</summary>
    public const string RealTimeUrl = ServiceDefaults.Configuration.MassiveFeedUrls.RealTime;

    public const string DelayedUrl = ServiceDefaults.Configuration.MassiveFeedUrls.Delayed;

    /// <summary>False leaves the listener idle (a silo that only hosts grains).</summary>
    public bool Enabled { get; set; } = true;

    [Required(ErrorMessage = "Feed:Url (MASSIVE_FEED_URL) is required")]
    public Uri Url { get; set; } = new(RealTimeUrl);

    /// <summary>The provider key; never logged, never sent anywhere but the upstream auth message.</summary>
    public string ApiKey { get; set; } = "";

    [MinLength(1, ErrorMessage = "Feed:Subscriptions (MASSIVE_SUBSCRIPTIONS) must list at least one subscription")]
    public string[] Subscriptions { get; set; } = ["A.*", "T.*", "Q.*", "LULD.*"];

    /// <summary>How long the server may take to acknowledge every subscription before it is reported missing.</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "1.00:00:00", ErrorMessage = "Feed:SubscriptionAckTimeout must be positive (at most a day)")]
    public TimeSpan SubscriptionAckTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How long to wait for <c>connected</c> and for the answer to <c>auth</c>.</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "1.00:00:00", ErrorMessage = "Feed:HandshakeTimeout must be positive (at most a day)")]
    public TimeSpan HandshakeTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Frames held between the socket reader and the publisher; beyond it the oldest are shed (counted).</summary>
    [Range(16, 1_000_000, ErrorMessage = "Feed:FrameBufferCapacity must be between 16 and 1,000,000")]
    public int FrameBufferCapacity { get; set; } = 8192;

    /// <summary>Bytes those frames may hold; beyond it the oldest are shed (counted). At least <see cref="MaxFrameBytes"/>.</summary>
    [Range(1024L * 1024, 64L * 1024 * 1024 * 1024, ErrorMessage = "Feed:FrameBufferBytes must be between 1 MiB and 64 GiB")]
    public long FrameBufferBytes { get; set; } = 256L * 1024 * 1024;

    /// <summary>
    /// A frame that waited longer than this behind a slow publishing stage is skipped (counted as expired): the same
    /// freshness rule as the streams' message TTL. Zero turns it off (a replay at full speed outruns real time).
    /// </summary>
    public TimeSpan MaxFrameAge { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>A frame larger than this is skipped as malformed: the feed never sends one that large.</summary>
    [Range(1024, 256 * 1024 * 1024, ErrorMessage = "Feed:MaxFrameBytes must be between 1 KiB and 256 MiB")]
    public int MaxFrameBytes { get; set; } = 16 * 1024 * 1024;

    /// <summary>
    /// Events parsed and not yet accepted by the stream providers (waiting for their stream's outstanding publication,
    /// or in it). Beyond it the publishing stage pauses and the frame buffer takes the load.
    /// </summary>
    [Range(1, 10_000_000, ErrorMessage = "Feed:MaxHeldEvents must be between 1 and 10,000,000")]
    public int MaxHeldEvents { get; set; } = 200_000;

    /// <summary>
    /// Bytes those events may hold (each its share of the frame it came from): the peer decides how large an event
    /// is. Beyond it the publishing stage pauses likewise, and the frame buffer sheds its oldest frames (counted).
    /// </summary>
    [Range(1024L * 1024, 64L * 1024 * 1024 * 1024, ErrorMessage = "Feed:MaxHeldBytes must be between 1 MiB and 64 GiB")]
    public long MaxHeldBytes { get; set; } = 64L * 1024 * 1024;

    [Range(typeof(TimeSpan), "00:00:00.001", "1.00:00:00", ErrorMessage = "Feed:ReconnectDelayMin must be positive (at most a day)")]
    public TimeSpan ReconnectDelayMin { get; set; } = TimeSpan.FromSeconds(1);

    [Range(typeof(TimeSpan), "00:00:00.001", "1.00:00:00", ErrorMessage = "Feed:ReconnectDelayMax must be positive (at most a day)")]
    public TimeSpan ReconnectDelayMax { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>After <c>max_connections</c> another client holds the key: wait this long, never fight it.</summary>
    public TimeSpan MaxConnectionsCooldown { get; set; } = TimeSpan.FromMinutes(3);

    /// <summary>Consecutive failed connections before giving up (0 = never give up).</summary>
    [Range(0, int.MaxValue, ErrorMessage = "Feed:MaxReconnects (MASSIVE_MAX_RECONNECTS) must not be negative")]
    public int MaxReconnects { get; set; }

    /// <summary>How long the single-listener lease lasts; it is renewed every third of that.</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "1.00:00:00", ErrorMessage = "Feed:LeaseDuration must be positive (at most a day)")]
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>A copy pointed at another feed URL and subscriptions (set at run time through the control API).</summary>
    public MarketFeedOptions WithUpstream(Uri url, string[] subscriptions)
    {
        var copy = (MarketFeedOptions)MemberwiseClone();
        copy.Url = url;
        copy.Subscriptions = subscriptions;
        return copy;
    }
}
