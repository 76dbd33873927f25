using Scanner.ScannerFeeds;

namespace Scanner.Scanners;

/// <summary>
/// The current <c>quote:{SYM}</c> value of every symbol that has one (an event on the current trading day), for a
/// gateway whose client subscribed to <c>quote:*</c>: on a quiet market no ticker publishes, so nothing else would
/// deliver them. Stateless (key 0).
/// </summary>
public interface ICurrentQuotesGrain : IGrainWithIntegerKey
{
    Task<ScannerFeedUpdate[]> GetAll();
}
