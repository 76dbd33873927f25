using System.Net.WebSockets;
using Scanner.Gateway.FanOut;

namespace Scanner.Gateway.Connections;

/// <summary>
/// What a <see cref="ClientSession"/> needs from its transport: queue a reply, queue feed updates (the channel is the
/// hub's subscriber), close after what is queued. Never blocks: the socket is written by the transport's own pump.
/// </summary>
internal interface IClientChannel : IScannerFeedSubscriber
{
    /// <summary>Queues a reply the client must get; a client whose replies pile up is closed as too slow.</summary>
    void Reply(byte[] reply);

    /// <summary>Queues a reply unless the client's reply queue is full (then it is dropped and nothing else happens).</summary>
    void ReplyIfRoom(byte[] reply);

    /// <summary>Forgets a feed's unsent update, so a later subscription starts afresh.</summary>
    void Forget(string feed);

    /// <summary>Sends what is queued, then a close frame with <paramref name="status"/>; nothing is read after this.</summary>
    void Close(WebSocketCloseStatus status, string description);
}
