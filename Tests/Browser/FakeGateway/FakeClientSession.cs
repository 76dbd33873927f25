using System.Collections.Concurrent;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Threading.Channels;

namespace Scanner.Tests.Browser.FakeGateway;

/// <summary>
/// One browser socket on the fake gateway: auth first, then subscribe / unsubscribe / get. Like the real
/// gateway it coalesces updates: a feed waiting to be sent is queued once and goes out with its latest
/// value, so a slow browser (a busy test machine) sees fresh data rather than a growing backlog.
/// </summary>
public sealed class FakeClientSession
{
    private const int MaxMessageBytes = 16 * 1024;

    private readonly WebSocket _socket;
    private readonly SyntheticMarket _market;
    private readonly string _token;
    private readonly ConcurrentDictionary<string, byte> _subscriptions = new(StringComparer.Ordinal);
    private readonly Channel<Outgoing> _outbox = Channel.CreateUnbounded<Outgoing>(new() { SingleReader = true });
    private readonly ConcurrentDictionary<string, byte> _queuedFeeds = new(StringComparer.Ordinal);
    private long _version;
    private Task _writer = Task.CompletedTask;

    internal FakeClientSession(WebSocket socket, SyntheticMarket market, string token)
    {
        _socket = socket;
        _market = market;
        _token = token;
    }

    public bool Authorized { get; private set; }

    public IReadOnlyCollection<string> Subscriptions => _subscriptions.Keys.ToArray();

    internal void Abort() => _socket.Abort();

    /// <summary>Queues the current value of every subscribed per-symbol feed, and of the lists when asked.</summary>
    internal void PublishSubscribed(bool lists)
    {
        foreach (var feed in _subscriptions.Keys)
        {
            if (lists || IsPerSymbol(feed)) Publish(feed);
        }
    }

    private static bool IsPerSymbol(string feed) =>
        feed.StartsWith("quote:", StringComparison.Ordinal) || feed.StartsWith("daily_range:", StringComparison.Ordinal);

    internal async Task RunAsync(CancellationToken stop)
    {
        _writer = WriteAsync(stop);
        try
        {
            await ReadAsync(stop);
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException)
        {
            // the browser went away or the fake is stopping or restarting
        }
        finally
        {
            _outbox.Writer.TryComplete();
            await _writer;
        }
    }

    private async Task ReadAsync(CancellationToken stop)
    {
        var buffer = new byte[MaxMessageBytes];
        while (_socket.State == WebSocketState.Open)
        {
            var length = 0;
            ValueWebSocketReceiveResult result;
            do
            {
                if (length == buffer.Length)
                {
                    await CloseAsync(WebSocketCloseStatus.MessageTooBig, "message too big");
                    return;
                }
                result = await _socket.ReceiveAsync(buffer.AsMemory(length), stop);
                length += result.Count;
            } while (!result.EndOfMessage);
            if (result.MessageType == WebSocketMessageType.Close) return;
            if (!await HandleAsync(buffer.AsSpan(0, length).ToArray())) return;
        }
    }

    /// <summary>Returns false when the session must end (failed auth).</summary>
    private async Task<bool> HandleAsync(byte[] message)
    {
        string? action = null, apiKey = null, feed = null, cache = null;
        int? limit = null;
        try
        {
            using var doc = JsonDocument.Parse(message);
            var root = doc.RootElement;
            if (root.ValueKind == JsonValueKind.Object)
            {
                action = Text(root, "action");
                apiKey = Text(root, "api_key");
                feed = Text(root, "feed");
                cache = Text(root, "cache");
                if (root.TryGetProperty("limit", out var l) && l.TryGetInt32(out var n)) limit = n;
            }
        }
        catch (JsonException)
        {
        }

        if (!Authorized)
        {
            var ok = action == "auth" && apiKey == _token;
            Send(ok ? """{"status":"authorized"}""" : action == "auth" ? """{"status":"invalid key"}""" : """{"status":"unauthorized"}""");
            if (ok) Authorized = true;
            else await CloseAsync(WebSocketCloseStatus.PolicyViolation, "unauthorized");
            return ok;
        }

        switch (action)
        {
            case "subscribe" when feed is not null:
                _subscriptions[feed] = 0;
                Send($$"""{"status":"subscribed","feed":{{JsonSerializer.Serialize(feed)}}}""");
                Publish(feed);
                break;
            case "unsubscribe" when feed is not null:
                _subscriptions.TryRemove(feed, out _);
                Send($$"""{"status":"unsubscribed","feed":{{JsonSerializer.Serialize(feed)}}}""");
                break;
            case "get" when cache is not null:
                Send($$"""{"cache":{{JsonSerializer.Serialize(cache)}},"data":{{Limited(_market.Current(cache), limit)}}}""");
                break;
            case "auth":
                Send("""{"status":"authorized"}""");
                break;
            default:
                Send("""{"status":"invalid action"}""");
                break;
        }
        return true;
    }

    private void Publish(string feed)
    {
        if (_queuedFeeds.TryAdd(feed, 0)) _outbox.Writer.TryWrite(new Outgoing(null, feed));
    }

    private string Envelope(string feed)
    {
        var data = _market.Current(feed) ?? "null";
        var publishedAt = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        return $$"""{"feed":{{JsonSerializer.Serialize(feed)}},"data":{{data}},"version":{{Interlocked.Increment(ref _version)}},"published_at":{{publishedAt}}}""";
    }

    private static string Limited(string? json, int? limit)
    {
        if (json is null) return "null";
        if (limit is not > 0 || !json.StartsWith('[')) return json;
        using var doc = JsonDocument.Parse(json);
        return JsonSerializer.Serialize(doc.RootElement.EnumerateArray().Take(limit.Value).ToArray());
    }

    private static string? Text(JsonElement root, string name) =>
        root.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private void Send(string json) => _outbox.Writer.TryWrite(new Outgoing(json, null));

    private async Task WriteAsync(CancellationToken stop)
    {
        try
        {
            await foreach (var item in _outbox.Reader.ReadAllAsync(stop))
            {
                string json;
                if (item.Feed is { } feed)
                {
                    _queuedFeeds.TryRemove(feed, out _);   // an update arriving from now on queues the feed again
                    json = Envelope(feed);
                }
                else
                {
                    json = item.Text!;
                }
                await _socket.SendAsync(Encoding.UTF8.GetBytes(json), WebSocketMessageType.Text, true, stop);
            }
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException)
        {
        }
    }

    private async Task CloseAsync(WebSocketCloseStatus status, string reason)
    {
        _outbox.Writer.TryComplete();
        await _writer;   // the status reply goes out before the close frame
        try
        {
            await _socket.CloseOutputAsync(status, reason, CancellationToken.None);
        }
        catch (WebSocketException)
        {
        }
    }

    /// <summary>A reply ready to send, or a feed whose latest value is to be sent.</summary>
    private readonly record struct Outgoing(string? Text, string? Feed);
}
