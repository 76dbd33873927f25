using System.ComponentModel.DataAnnotations;

namespace Scanner.Hydration;

/// <summary>
/// Configuration section <c>Hydration</c>: where the Massive-compatible REST service is and how patiently to ask.
/// <see cref="ApiKey"/> falls back to <c>MASSIVE_API_KEY</c> / <c>POLYGON_API_KEY</c>.
/// </summary>
public sealed class HydrationOptions
{
    public const string Section = "Hydration";

    [Url(ErrorMessage = "Hydration:BaseUrl (HYDRATION_BASE_URL) must be an absolute http(s) URL")]
    public string BaseUrl { get; set; } = "https://api.massive.com";

    public string ApiKey { get; set; } = "";

    /// <summary>Requests a silo has in flight at most; the others wait their turn (not counted in their timeout).</summary>
    [Range(1, 1024, ErrorMessage = "Hydration:MaxConcurrentRequests must be between 1 and 1024")]
    public int MaxConcurrentRequests { get; set; } = 16;

    /// <summary>Timeout of one HTTP attempt.</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "10675199.02:48:05.4775807", ErrorMessage = "Hydration:RequestTimeout must be positive")]
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Timeout of one attempt of a whole-market request (a grouped daily session, a float listing page): about 1 MB
    /// of ~10,000 rows, which a busy server or silo takes longer than 5 s to send at the open.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "10675199.02:48:05.4775807", ErrorMessage = "Hydration:BulkRequestTimeout must be positive")]
    public TimeSpan BulkRequestTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Attempts per request for transient failures (network, timeout, 429, 5xx).</summary>
    [Range(1, 20, ErrorMessage = "Hydration:MaxAttempts must be between 1 and 20")]
    public int MaxAttempts { get; set; } = 3;

    /// <summary>Wait before the second attempt; doubles for each further attempt.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "01:00:00", ErrorMessage = "Hydration:RetryDelay must be between 0 and one hour")]
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>How long a symbol's loaded reference data is reused.</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "10675199.02:48:05.4775807", ErrorMessage = "Hydration:CacheDuration must be positive")]
    public TimeSpan CacheDuration { get; set; } = TimeSpan.FromHours(12);

    /// <summary>How long a failed load is remembered, so thousands of grains do not hammer a failing service.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "1.00:00:00", ErrorMessage = "Hydration:NegativeCacheDuration must be between 10 ms and one day (a ticker asks again after it)")]
    public TimeSpan NegativeCacheDuration { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Average daily volume: the mean of the daily volumes of this many trading sessions before the day.</summary>
    [Range(1, 365, ErrorMessage = "Hydration:AverageVolumeDays must be between 1 and 365")]
    public int AverageVolumeDays { get; set; } = 30;

    /// <summary>Rows asked for per page of the bulk float listing (the client follows <c>next_url</c> whatever the server gives).</summary>
    [Range(1, 50_000, ErrorMessage = "Hydration:BulkPageSize must be between 1 and 50000")]
    public int BulkPageSize { get; set; } = 5000;
}
