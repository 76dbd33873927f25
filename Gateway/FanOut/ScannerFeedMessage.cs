using Scanner.ScannerFeeds;
using Scanner.Gateway.Protocol;

namespace Scanner.Gateway.FanOut;

/// <summary>One feed update in both wire forms, built once and shared by every client that receives it.</summary>
internal sealed class ScannerFeedMessage(ScannerFeedUpdate update)
{
    public ScannerFeedUpdate Update { get; } = update;

    public string Feed => Update.Feed;

    public long Version => Update.Version;

    /// <summary>The default form, <c>{"feed":..,"data":..,"version":..,"published_at":..}</c>.</summary>
    public byte[] Envelope { get; } = ScannerFeedEnvelope.Build(update);

    /// <summary>The original's form: the payload alone (clients connected with <c>?format=raw</c>).</summary>
    public byte[] Raw => Update.Payload;
}
