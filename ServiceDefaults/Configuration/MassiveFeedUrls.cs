namespace Scanner.ServiceDefaults.Configuration;

/// <summary>The provider's two stocks market feeds, which <c>MASSIVE_FEED=realtime|delayed</c> names.</summary>
public static class MassiveFeedUrls
{
    public const string RealTime = "wss://socket.massive.com/stocks";

    /// <summary>The 15-minute delayed feed.</summary>
    public const string Delayed = "wss://delayed.massive.com/stocks";
}
