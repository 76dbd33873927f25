namespace Scanner.Simulator.Protocol;

/// <summary>The status frames of the Massive feed, with the provider's own wording, serialised once.</summary>
public static class FeedStatuses
{
    public static readonly byte[] Connected = FeedFrameWriter.StatusFrame("connected", "Connected Successfully");
    public static readonly byte[] AuthSuccess = FeedFrameWriter.StatusFrame("auth_success", "authenticated");
    public static readonly byte[] AuthFailed = FeedFrameWriter.StatusFrame("auth_failed", "authentication failed");
    public static readonly byte[] AuthTimeout = FeedFrameWriter.StatusFrame("auth_timeout", "No authentication request received.");
    public static readonly byte[] NotAuthorized = FeedFrameWriter.StatusFrame("error", "not authorized");
    public static readonly byte[] InvalidJson = FeedFrameWriter.StatusFrame("error", "invalid JSON message");
    public static readonly byte[] MessageTooLarge = FeedFrameWriter.StatusFrame("error", "message too large");

    public static readonly byte[] MaxConnections = FeedFrameWriter.StatusFrame(
        "max_connections",
        "Maximum number of websocket connections exceeded. You have reached the connection limit for your account. " +
        "Please contact support at https://massive.com/contact to increase your limit.");

    public static byte[] UnknownAction(string action) => FeedFrameWriter.StatusFrame("error", $"unknown action: {action}");

    public static byte[] Subscribed(string param) => FeedFrameWriter.StatusFrame("success", $"subscribed to: {param}");

    public static byte[] Unsubscribed(string param) => FeedFrameWriter.StatusFrame("success", $"unsubscribed to: {param}");

    public static byte[] InvalidSubscription(string param) => FeedFrameWriter.StatusFrame("error", $"invalid subscription: {param}");
}
