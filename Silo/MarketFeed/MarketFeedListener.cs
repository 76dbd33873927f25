using Microsoft.Extensions.Options;
using Scanner.Cluster;
using Scanner.Silo.Control;
using Scanner.Silo.MarketFeed.Parsing;

namespace Scanner.Silo.MarketFeed;

/// <summary>
/// The silo's feed listener: holds the one upstream WebSocket while this silo holds the cluster's listener lease,
/// and reconnects with backoff. <c>auth_failed</c> is terminal; <c>max_connections</c> means another client
/// holds the key, so it cools down for minutes instead of fighting it. Registered after <c>UseOrleans</c>, so the
/// silo is running before it publishes. Operators steer it through <see cref="MarketFeedControl"/>: every change
/// ends the current connection and the loop connects again with the desired URL and subscriptions, or holds the
/// lease without a socket while stopped.
/// </summary>
public sealed partial class MarketFeedListener(
    IOptions<MarketFeedOptions> options,
    IClusterClient client,
    IStreamBatchPublisher publisher,
    MarketFeedMetrics metrics,
    MarketFeedListenerStatus status,
    MarketFeedControl control,
    ListenerIdentity identity,
    ILoggerFactory loggerFactory) : BackgroundService
{
    /// <summary>The name of the upstream connection, and so of its lease.</summary>
    public const string LeaseName = "massive-stocks";

    private readonly ILogger _logger = loggerFactory.CreateLogger<MarketFeedListener>();
    private readonly FrameParser _parser = new();
    private volatile MarketFeedSession? _current;
    private int _connections;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var feed = options.Value;
        if (!feed.Enabled)
        {
            status.Set(ListenerState.Idle, "disabled by configuration (Feed:Enabled=false)");
            return;
        }

        // One buffer and one publishing stage outlive every connection: a reconnect never waits for the backlog, and
        // frames keep their order across connections.
        var buffer = new FrameBuffer(feed.FrameBufferCapacity, feed.MaxFrameAge, feed.FrameBufferBytes);
        var batching = new StreamBatchingPublisher(
            publisher, metrics, feed.MaxHeldEvents, loggerFactory.CreateLogger<StreamBatchingPublisher>(), feed.MaxHeldBytes);
        metrics.Attach(buffer, _parser.Counters.Snapshot, batching);
        var stage = new MarketEventPublishingStage(_parser, batching);
        var stageTask = Task.Run(() => stage.RunAsync(buffer, OnStatus, stoppingToken), CancellationToken.None);

        var lease = client.GetGrain<IListenerLeaseGrain>(LeaseName);
        var backoff = new ReconnectBackoff(feed.ReconnectDelayMin, feed.ReconnectDelayMax, Random.Shared);
        var failures = 0;
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                if (!await HoldsLeaseAsync(lease, feed, stoppingToken))
                {
                    status.Set(ListenerState.Standby);
                    await Task.Delay(feed.LeaseDuration / 3, stoppingToken);
                    continue;
                }

                using var leaseLost = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
                var renewal = RenewLeaseAsync(lease, feed, leaseLost);
                var (desired, changed) = control.Current();
                using var session = CancellationTokenSource.CreateLinkedTokenSource(leaseLost.Token, changed);
                var outcome = desired.Running
                    ? await RunSessionAsync(feed.WithUpstream(desired.Url, desired.Subscriptions), buffer, session.Token)
                    : await StayPausedAsync(session.Token);
                await leaseLost.CancelAsync();
                await renewal;

                switch (outcome)
                {
                    case SessionOutcome.AuthFailed:
                        // Retrying with the same key cannot succeed; give the lease to nobody and stay visible as failed
                        // until an operator changes something.
                        await ReleaseQuietlyAsync(lease);
                        control.GaveUp();
                        await DelayUnlessChangedAsync(Timeout.InfiniteTimeSpan, changed, stoppingToken);
                        failures = 0;
                        continue;
                    case SessionOutcome.MaxConnections:
                        LogMaxConnections(_logger, feed.MaxConnectionsCooldown);
                        status.Set(ListenerState.Backoff, "max_connections: another connection holds the key; cooling down");
                        await DelayUnlessChangedAsync(feed.MaxConnectionsCooldown, changed, stoppingToken);
                        continue;
                    case SessionOutcome.Cancelled:
                        if (desired.Running && changed.IsCancellationRequested)
                        {
                            // An operator ended the connection: give the server a moment to release the key, which
                            // allows one connection at a time, before the next one asks for it.
                            await Task.Delay(feed.ReconnectDelayMin, stoppingToken);
                        }
                        continue;
                }

                failures = status.WasStreaming ? 1 : failures + 1;
                if (status.WasStreaming)
                {
                    backoff.Reset();
                }
                if (feed.MaxReconnects > 0 && failures > feed.MaxReconnects)
                {
                    status.Set(ListenerState.Stopped, $"gave up after {failures - 1} reconnects (Feed:MaxReconnects)");
                    await ReleaseQuietlyAsync(lease);
                    control.GaveUp();
                    await DelayUnlessChangedAsync(Timeout.InfiniteTimeSpan, changed, stoppingToken);
                    failures = 0;
                    continue;
                }
                var delay = backoff.Next();
                status.Set(ListenerState.Backoff);
                status.CountReconnect();
                LogReconnecting(_logger, delay);
                await DelayUnlessChangedAsync(delay, changed, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        finally
        {
            if (status.State != ListenerState.AuthFailed)
            {
                status.Set(ListenerState.Stopped);
            }
            await ReleaseQuietlyAsync(lease);
            buffer.Complete();
            await stageTask.ContinueWith(static _ => { }, TaskScheduler.Default);
            buffer.Discard();
        }
    }

    /// <summary>Passes a status from the publishing stage to the connection whose frame carried it.</summary>
    private void OnStatus(int connection, MarketData.MarketFeedStatus feedStatus)
    {
        if (_current is { } session && session.Connection == connection)
        {
            session.OnStatus(feedStatus);
        }
    }

    /// <summary>Stopped by an operator: no socket, the lease kept (renewed meanwhile) until the next change.</summary>
    private async Task<SessionOutcome> StayPausedAsync(CancellationToken cancellationToken)
    {
        status.Set(ListenerState.Paused, "stopped by an operator");
        status.SetSubscriptions([], []);
        await DelayUnlessChangedAsync(Timeout.InfiniteTimeSpan, cancellationToken, CancellationToken.None);
        return SessionOutcome.Cancelled;
    }

    /// <summary>Waits, cut short by an operator's change; throws only when the host stops.</summary>
    private static async Task DelayUnlessChangedAsync(TimeSpan delay, CancellationToken changed, CancellationToken stoppingToken)
    {
        using var either = CancellationTokenSource.CreateLinkedTokenSource(changed, stoppingToken);
        await Task.Delay(delay, either.Token).ContinueWith(static _ => { }, TaskScheduler.Default);
        stoppingToken.ThrowIfCancellationRequested();
    }

    private async Task<SessionOutcome> RunSessionAsync(MarketFeedOptions feed, FrameBuffer buffer, CancellationToken cancellationToken)
    {
        // The subscriptions of this connection are pending until the server acks them.
        status.SetSubscriptions([], feed.Subscriptions);
        var session = new MarketFeedSession(feed, ++_connections, buffer, metrics, status, loggerFactory.CreateLogger<MarketFeedSession>());
        _current = session;
        try
        {
            return await session.RunAsync(cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return SessionOutcome.Cancelled;
        }
        catch (Exception ex) when (ex is System.Net.WebSockets.WebSocketException or HttpRequestException or OperationCanceledException or IOException)
        {
            status.Set(ListenerState.Backoff, $"connection failed: {ex.Message}");
            LogConnectionFailed(_logger, ex.Message);
            return SessionOutcome.Disconnected;
        }
    }

    private async Task<bool> HoldsLeaseAsync(IListenerLeaseGrain lease, MarketFeedOptions feed, CancellationToken ct)
    {
        var (grant, failure) = await ListenerLeaseRequest.TryAcquireAsync(lease, identity.Name, feed.LeaseDuration, ct);
        if (grant is null)
        {
            // The cluster is starting, the storage is briefly unavailable or the call timed out: stay in standby and ask again.
            status.SetLeaseHolder(null);
            status.Set(ListenerState.Standby, $"lease unavailable: {failure?.Message}");
            return false;
        }
        control.ObserveLeaseHolder(grant.Holder);
        status.SetLeaseHolder(grant.Holder);
        if (!grant.Granted)
        {
            status.Set(ListenerState.Standby, $"lease held by {grant.Holder} until {grant.ExpiresAt:O}");
        }
        return grant.Granted;
    }

    private async Task RenewLeaseAsync(IListenerLeaseGrain lease, MarketFeedOptions feed, CancellationTokenSource session)
    {
        var lastGranted = DateTimeOffset.UtcNow;
        try
        {
            while (!session.IsCancellationRequested)
            {
                await Task.Delay(feed.LeaseDuration / 3, session.Token);
                if (await HoldsLeaseAsync(lease, feed, session.Token))
                {
                    lastGranted = DateTimeOffset.UtcNow;
                }
                else if (DateTimeOffset.UtcNow - lastGranted >= feed.LeaseDuration)
                {
                    // Someone else may hold it now: two connections with one key would cost us both.
                    LogLeaseLost(_logger);
                    await session.CancelAsync();
                    return;
                }
            }
        }
        catch (OperationCanceledException) when (session.IsCancellationRequested)
        {
            // The session ended, also while a renewal was being asked.
        }
    }

    private async Task ReleaseQuietlyAsync(IListenerLeaseGrain lease)
    {
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
            await lease.Release(identity.Name).WaitAsync(timeout.Token);
        }
        catch (Exception ex)
        {
            LogLeaseReleaseFailed(_logger, ex.Message);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Reconnecting to the upstream feed in {Delay}")]
    private static partial void LogReconnecting(ILogger logger, TimeSpan delay);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Upstream connection failed: {Reason}")]
    private static partial void LogConnectionFailed(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "max_connections: another client holds the feed key; waiting {Cooldown} before trying again")]
    private static partial void LogMaxConnections(ILogger logger, TimeSpan cooldown);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Lost the listener lease; closing the upstream connection")]
    private static partial void LogLeaseLost(ILogger logger);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Could not release the listener lease: {Reason}")]
    private static partial void LogLeaseReleaseFailed(ILogger logger, string reason);
}
