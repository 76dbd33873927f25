using Scanner.Scanners;
using Scanner.Ticker;

namespace Scanner.ScannerFeeds;

/// <summary>Finds the grain that owns a feed, so any process can read a feed's current value.</summary>
public static class ScannerFeedSources
{
    /// <summary>The owner of <paramref name="feed"/>, or null when no such feed exists.</summary>
    public static IScannerFeedSourceGrain? Resolve(IGrainFactory grains, string feed)
    {
        if (ScannerFeedNames.SymbolOf(feed) is { } symbol)
        {
            return grains.GetGrain<ITickerGrain>(symbol);
        }
        return ScannerFeedNames.IsList(feed) ? grains.GetGrain<IScannerFeedGrain>(feed) : null;
    }
}
