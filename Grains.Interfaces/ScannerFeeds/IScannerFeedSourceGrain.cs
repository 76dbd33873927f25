namespace Scanner.ScannerFeeds;

/// <summary>A grain that owns one or more feeds and can answer with a feed's current value.</summary>
public interface IScannerFeedSourceGrain : IGrainWithStringKey
{
    /// <summary>The current value of <paramref name="feed"/>, or null when nothing was published yet.</summary>
    Task<ScannerFeedUpdate?> GetFeed(string feed);
}
