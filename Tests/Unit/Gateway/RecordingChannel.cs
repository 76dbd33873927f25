using System.Net.WebSockets;
using System.Text.Json;
using Scanner.Gateway.Connections;
using Scanner.Gateway.FanOut;

namespace Scanner.Tests.Unit.Gateway;

/// <summary>
/// The transport side of a <see cref="ClientSession"/> under test: keeps what would be sent, in order, and models a
/// bounded reply queue that nobody drains (a client that stopped reading).
/// </summary>
internal sealed class RecordingChannel(int replyCapacity = int.MaxValue) : IClientChannel
{
    private readonly List<JsonElement> _sent = [];
    private int _replies;

    /// <summary>Replies and updates in the order they were queued.</summary>
    public IReadOnlyList<JsonElement> Sent
    {
        get
        {
            lock (_sent)
            {
                return [.. _sent];
            }
        }
    }

    public (WebSocketCloseStatus Status, string Description)? Closed { get; private set; }

    public bool ClosedAsTooSlow { get; private set; }

    public List<string> Forgotten { get; } = [];

    public JsonElement Last => Sent[^1];

    public void Reply(byte[] reply)
    {
        if (!TryQueue(reply))
        {
            ClosedAsTooSlow = true;
        }
    }

    public void ReplyIfRoom(byte[] reply) => TryQueue(reply);

    public void Deliver(ScannerFeedMessage message) => Add(message.Envelope);

    public void Forget(string feed) => Forgotten.Add(feed);

    public void Close(WebSocketCloseStatus status, string description) => Closed ??= (status, description);

    private bool TryQueue(byte[] reply)
    {
        if (_replies >= replyCapacity)
        {
            return false;
        }
        _replies++;
        Add(reply);
        return true;
    }

    private void Add(byte[] frame)
    {
        using var document = JsonDocument.Parse(frame);
        lock (_sent)
        {
            _sent.Add(document.RootElement.Clone());
        }
    }
}
