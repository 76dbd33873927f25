using Scanner.Feeds;

namespace Scanner.Scanners;

/// <summary>One list feed (key = feed name, see <see cref="FeedNames.Lists"/>): a ranking or an alert list.</summary>
public interface IScannerFeedGrain : IFeedSourceGrain
{
}
