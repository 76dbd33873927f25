using Scanner.Scanners;
using Scanner.Ticker;

namespace Scanner.Feeds;

/// <summary>Finds the grain that owns a feed, so any process can read a feed's current value.</summary>
public static class FeedSources
{
    /// <summary>The owner of <paramref name="feed"/>, or null when no such feed exists.</summary>
    public static IFeedSourceGrain? Resolve(IGrainFactory grains, string feed)
    {
        if (FeedNames.SymbolOf(feed) is { } symbol)
        {
            return grains.GetGrain<ITickerGrain>(symbol);
        }
        return FeedNames.IsList(feed) ? grains.GetGrain<IScannerFeedGrain>(feed) : null;
    }
}
