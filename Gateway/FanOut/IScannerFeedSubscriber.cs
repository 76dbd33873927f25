namespace Scanner.Gateway.FanOut;

/// <summary>Something that receives feed messages from the hub (a client connection); must never block.</summary>
internal interface IScannerFeedSubscriber
{
    void Deliver(ScannerFeedMessage message);
}
