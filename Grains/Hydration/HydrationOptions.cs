namespace Scanner.Hydration;

/// <summary>
/// Configuration section <c>Hydration</c>: where the Massive-compatible REST service is and how patiently to ask.
/// <see cref="ApiKey"/> falls back to <c>MASSIVE_API_KEY</c> / <c>POLYGON_API_KEY</c>.
/// </summary>
public sealed class HydrationOptions
{
    public const string Section = "Hydration";

    public string BaseUrl { get; set; } = "https://api.massive.com";

    public string ApiKey { get; set; } = "";

    /// <summary>Requests a silo has in flight at most; the others wait their turn (not counted in their timeout).</summary>
    public int MaxConcurrentRequests { get; set; } = 16;

    /// <summary>Timeout of one HTTP attempt.</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Attempts per request for transient failures (network, timeout, 429, 5xx).</summary>
    public int MaxAttempts { get; set; } = 3;

    /// <summary>Wait before the second attempt; doubles for each further attempt.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>How long a symbol's loaded reference data is reused.</summary>
    public TimeSpan CacheDuration { get; set; } = TimeSpan.FromHours(12);

    /// <summary>How long a failed load is remembered, so thousands of grains do not hammer a failing service.</summary>
    public TimeSpan NegativeCacheDuration { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Average daily volume: the mean of the last this-many daily volumes ...</summary>
    public int AverageVolumeDays { get; set; } = 30;

    /// <summary>... within this many calendar days before the trading day.</summary>
    public int AverageVolumeLookbackDays { get; set; } = 42;
}
