using System.Net.WebSockets;
using Scanner.ScannerFeeds;
using Scanner.Gateway.Auth;
using Scanner.Gateway.Protocol;
using Scanner.Layouts;

namespace Scanner.Gateway.Connections;

/// <summary>
/// The <c>/ws</c> protocol of one client, apart from its socket: auth, the message rate, subscriptions and their
/// quota, get, the user's saved layouts, the auth and idle timeouts, and every reply. The transport hands it whole messages from one reader;
/// <see cref="Sweep"/> runs on the registry's timer. It answers only through its <see cref="IClientChannel"/>.
/// </summary>
internal sealed partial class ClientSession
{
    private readonly IClientChannel _channel;
    private readonly ClientServices _services;
    private readonly TokenBucket _rate;
    private readonly byte[] _rateLimited;
    private readonly HashSet<string> _subscriptions = new(StringComparer.Ordinal);
    private readonly long _connectedAt;
    private readonly ConnectionSlot? _slot;
    private string? _user;
    private bool _userCounted;
    private long _lastReceivedAt;

    public ClientSession(IClientChannel channel, ClientServices services, ConnectionSlot? slot = null)
    {
        _channel = channel;
        _slot = slot;
        _services = services;
        _connectedAt = _lastReceivedAt = services.Time.GetTimestamp();
        _rate = new TokenBucket(services.Options.MessageBurst, services.Options.MessagesPerSecond, services.Time);
        _rateLimited = ServerReplies.Error($"rate limit exceeded ({services.Options.MessagesPerSecond} messages/s)");
    }

    /// <summary>The token subject this client authorized as, or null.</summary>
    public string? User => Volatile.Read(ref _user);

    public bool Authorized => User is not null || !_services.Authenticator.Enabled;

    /// <summary>The longest save_layouts the transport reads whole: <c>MaxMessageBytes</c> plus room for the largest layouts.</summary>
    public int LayoutsMessageLimit => _services.Options.MaxMessageBytes + UserLayouts.MaxBytes;

    /// <summary>
    /// Whether a message whose first <c>MaxMessageBytes</c> are <paramref name="head"/> and that goes on may be read up
    /// to <see cref="LayoutsMessageLimit"/>: only an authorized client's save_layouts that names its action first.
    /// </summary>
    public bool AllowsLongMessage(ReadOnlySpan<byte> head) => Authorized && ClientRequestParser.StartsAsSaveLayouts(head);

    /// <summary>The feeds and wildcards this client is subscribed to (a snapshot).</summary>
    public IReadOnlyCollection<string> Subscriptions
    {
        get
        {
            lock (_subscriptions)
            {
                return [.. _subscriptions];
            }
        }
    }

    private bool HasSubscriptions
    {
        get
        {
            lock (_subscriptions)
            {
                return _subscriptions.Count > 0;
            }
        }
    }

    /// <summary>Marks the client authorized as <paramref name="user"/> (a token from the query or a header).</summary>
    public bool TryAuthorize(string user)
    {
        if (_user is not null)
        {
            return true;
        }
        // The static key is shared by every client of the compatibility mode, so a per-user limit cannot apply to it.
        var counted = user != ClientAuthenticator.StaticKeySubject;
        if (counted && !_services.Registry.TryAcquireUser(user))
        {
            return false;
        }
        _userCounted = counted;
        Volatile.Write(ref _user, user);
        _slot?.MarkAuthenticated();
        return true;
    }

    /// <summary>One whole text message within the size limit (UTF-8: the socket refuses anything else).</summary>
    public async Task ReceiveTextAsync(ReadOnlyMemory<byte> utf8, CancellationToken aborted)
    {
        if (!Admit())
        {
            return;
        }
        var request = ClientRequestParser.Parse(utf8.Span);
        if (utf8.Length > _services.Options.MaxMessageBytes && (request.Action != ClientAction.SaveLayouts || !Authorized))
        {
            ReceiveTooLarge();
            return;
        }
        await HandleAsync(request, aborted).ConfigureAwait(false);
    }

    public void ReceiveBinary()
    {
        if (Admit())
        {
            _services.Metrics.ProtocolError();
            _channel.Reply(ServerReplies.Error("binary frames are not supported; send JSON text"));
        }
    }

    /// <summary>A message longer than <c>MaxMessageBytes</c>: the rest of it is never read.</summary>
    public void ReceiveTooLarge()
    {
        _services.Metrics.ProtocolError();
        ReplyAndClose(ServerReplies.Error($"message too large (limit {_services.Options.MaxMessageBytes} bytes)"), WebSocketCloseStatus.MessageTooBig, "message too large");
    }

    /// <summary>Closes the client if it never authorized in time, or sits idle without subscriptions.</summary>
    public void Sweep()
    {
        var time = _services.Time;
        var options = _services.Options;
        if (!Authorized && time.GetElapsedTime(_connectedAt) > options.AuthTimeout)
        {
            _services.Metrics.AuthFailed();
            ReplyAndClose(ServerReplies.Unauthorized, WebSocketCloseStatus.PolicyViolation, "authentication timeout");
        }
        else if (!HasSubscriptions && time.GetElapsedTime(Volatile.Read(ref _lastReceivedAt)) > options.IdleTimeout)
        {
            _channel.Close(WebSocketCloseStatus.NormalClosure, "idle timeout");
        }
    }

    /// <summary>The socket is gone: releases the subscriptions and the user's connection slot.</summary>
    public void End()
    {
        foreach (var pattern in Subscriptions)
        {
            _services.Hub.Unsubscribe(_channel, pattern);
        }
        if (_userCounted)
        {
            _services.Registry.ReleaseUser(_user!);
        }
    }

    /// <summary>Counts a message against the rate; one over it is refused with an error that is dropped rather than
    /// queued when replies already pile up, so a client that floods is slowed down, never closed as too slow.</summary>
    private bool Admit()
    {
        Volatile.Write(ref _lastReceivedAt, _services.Time.GetTimestamp());
        if (_rate.TryTake())
        {
            return true;
        }
        _services.Metrics.ProtocolError();
        _channel.ReplyIfRoom(_rateLimited);
        return false;
    }

    private async Task HandleAsync(ClientRequest request, CancellationToken aborted)
    {
        if (request.Action == ClientAction.Invalid)
        {
            _services.Metrics.ProtocolError();
            _channel.Reply(ServerReplies.InvalidAction);
            return;
        }
        if (request.Action != ClientAction.Auth && !Authorized)
        {
            _services.Metrics.AuthFailed();
            ReplyAndClose(ServerReplies.Unauthorized, WebSocketCloseStatus.PolicyViolation, "unauthorized");
            return;
        }
        switch (request.Action)
        {
            case ClientAction.Auth:
                await AuthenticateAsync(request.Argument!, aborted).ConfigureAwait(false);
                break;
            case ClientAction.Subscribe:
                Subscribe(request.Argument!);
                break;
            case ClientAction.Unsubscribe:
                Unsubscribe(request.Argument!);
                break;
            case ClientAction.Get:
                await GetAsync(request.Argument!, request.Limit, aborted).ConfigureAwait(false);
                break;
            case ClientAction.GetLayouts:
                await GetLayoutsAsync(aborted).ConfigureAwait(false);
                break;
            case ClientAction.SaveLayouts:
                await SaveLayoutsAsync(request.Layouts!, aborted).ConfigureAwait(false);
                break;
        }
    }

    private async Task AuthenticateAsync(string credential, CancellationToken aborted)
    {
        var authenticator = _services.Authenticator;
        if (!authenticator.Enabled)
        {
            _channel.Reply(ServerReplies.Authorized);
            return;
        }
        var check = await authenticator.AuthenticateAsync(credential, freshSession: false, aborted).ConfigureAwait(false);
        if (!check.IsValid)
        {
            _services.Metrics.AuthFailed();
            LogAuthFailed(_services.Logger, check.Status);
            ReplyAndClose(ServerReplies.InvalidKey, WebSocketCloseStatus.PolicyViolation, "invalid key");
            return;
        }
        if (!TryAuthorize(check.Subject!))
        {
            _services.Metrics.ConnectionRejected();
            ReplyAndClose(ServerReplies.TooManyConnections(_services.Options.MaxConnectionsPerUser), WebSocketCloseStatus.PolicyViolation, "connection limit");
            return;
        }
        _channel.Reply(ServerReplies.Authorized);
    }

    private void Subscribe(string pattern)
    {
        if (!ScannerFeedPatterns.IsValid(pattern))
        {
            _services.Metrics.ProtocolError();
            _channel.Reply(ServerReplies.Error("invalid feed name"));
            return;
        }
        var limit = _services.Options.MaxSubscriptionsPerClient;
        lock (_subscriptions)
        {
            if (_subscriptions.Contains(pattern))
            {
                _channel.Reply(ServerReplies.Subscribed(pattern));
                return;
            }
            if (_subscriptions.Count >= limit)
            {
                _services.Metrics.ProtocolError();
                _channel.Reply(ServerReplies.Error($"subscription limit reached ({limit} per connection)"));
                return;
            }
            _subscriptions.Add(pattern);
        }
        // The reply is queued before the current value, and both before any later update.
        _channel.Reply(ServerReplies.Subscribed(pattern));
        _services.Hub.Subscribe(_channel, pattern);
    }

    private void Unsubscribe(string pattern)
    {
        bool removed;
        lock (_subscriptions)
        {
            removed = _subscriptions.Remove(pattern);
        }
        if (removed)
        {
            _services.Hub.Unsubscribe(_channel, pattern);
            if (!ScannerFeedPatterns.IsWildcard(pattern))
            {
                _channel.Forget(pattern);
            }
        }
        _channel.Reply(ServerReplies.Unsubscribed(pattern));
    }

    private async Task GetAsync(string cache, int? limit, CancellationToken aborted)
    {
        if (!ScannerFeedPatterns.IsValid(cache) || ScannerFeedPatterns.IsWildcard(cache))
        {
            _services.Metrics.ProtocolError();
            _channel.Reply(ServerReplies.Error("get needs an exact feed name"));
            return;
        }
        ScannerFeedUpdate? update = null;
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(aborted);
            timeout.CancelAfter(_services.Options.GetTimeout);
            update = await _services.Hub.GetAsync(cache, timeout.Token).ConfigureAwait(false);
        }
        catch (Exception error) when (!aborted.IsCancellationRequested)
        {
            _services.Metrics.BackendFailure();
            LogGetFailed(_services.Logger, cache, error);
        }
        _channel.Reply(ServerReplies.GetResult(cache, update?.Payload, limit));
    }

    /// <summary>The user the layouts belong to: the token subject, or <c>anonymous</c> while auth is off.</summary>
    private string LayoutsUser => User ?? UserLayouts.AnonymousUser;

    private async Task GetLayoutsAsync(CancellationToken aborted)
    {
        try
        {
            byte[]? layouts = null;
            await CallBackendAsync(async timeout => layouts = await _services.Backend.GetLayoutsAsync(LayoutsUser, timeout).ConfigureAwait(false), aborted)
                .ConfigureAwait(false);
            _channel.Reply(ServerReplies.Layouts(layouts));
        }
        catch (Exception error) when (!aborted.IsCancellationRequested)
        {
            LayoutsFailed(error);
        }
    }

    private async Task SaveLayoutsAsync(byte[] layouts, CancellationToken aborted)
    {
        var check = UserLayouts.Check(layouts);
        if (check != LayoutsCheck.Valid)
        {
            _services.Metrics.ProtocolError();
            _channel.Reply(check == LayoutsCheck.TooLarge ? ServerReplies.LayoutsTooLarge : ServerReplies.InvalidLayouts);
            return;
        }
        try
        {
            await CallBackendAsync(timeout => _services.Backend.SaveLayoutsAsync(LayoutsUser, layouts, timeout), aborted).ConfigureAwait(false);
            _channel.Reply(ServerReplies.LayoutsSaved);
        }
        catch (Exception error) when (!aborted.IsCancellationRequested)
        {
            LayoutsFailed(error);
        }
    }

    /// <summary>Runs a backend call bounded by <c>GetTimeout</c> and by the socket's lifetime.</summary>
    private async Task CallBackendAsync(Func<CancellationToken, Task> call, CancellationToken aborted)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(aborted);
        timeout.CancelAfter(_services.Options.GetTimeout);
        await call(timeout.Token).ConfigureAwait(false);
    }

    private void LayoutsFailed(Exception error)
    {
        _services.Metrics.BackendFailure();
        LogLayoutsFailed(_services.Logger, LayoutsUser, error);
        _channel.Reply(ServerReplies.LayoutsUnavailable);
    }

    private void ReplyAndClose(byte[] reply, WebSocketCloseStatus status, string description)
    {
        _channel.Reply(reply);
        _channel.Close(status, description);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Client rejected: {Status} credential")]
    private static partial void LogAuthFailed(ILogger logger, TokenStatus status);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not read or save the layouts of {User}")]
    private static partial void LogLayoutsFailed(ILogger logger, string user, Exception error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not read {Feed} for a get")]
    private static partial void LogGetFailed(ILogger logger, string feed, Exception error);
}
