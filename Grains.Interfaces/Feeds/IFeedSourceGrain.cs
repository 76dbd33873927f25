namespace Scanner.Feeds;

/// <summary>A grain that owns one or more feeds and can answer with a feed's current value.</summary>
public interface IFeedSourceGrain : IGrainWithStringKey
{
    /// <summary>The current value of <paramref name="feed"/>, or null when nothing was published yet.</summary>
    Task<FeedUpdate?> GetFeed(string feed);
}
