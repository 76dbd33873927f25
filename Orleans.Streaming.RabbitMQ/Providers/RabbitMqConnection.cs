using Microsoft.Extensions.Logging;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;

namespace Orleans.Streaming.RabbitMQ;

/// <summary>
/// One broker connection, shared by every provider of this silo that names the same URI. It reconnects on its own
/// loop with exponential backoff and jitter; users take <see cref="Current"/> when they need a channel and, when it
/// is null, fail fast (publishers) or skip a turn (receivers). RabbitMQ.Client's automatic recovery is off on
/// purpose: it cannot retry the first connect, and recovered channels restart their delivery tags behind our back;
/// our users re-open channels, re-declare topology and re-consume themselves, which also covers the first connect.
/// </summary>
internal sealed partial class RabbitMqConnection : IAsyncDisposable
{
    private readonly ConnectionFactory _factory;
    private readonly TimeSpan _backoffMin;
    private readonly TimeSpan _backoffMax;
    private readonly ILogger _logger;
    private readonly CancellationTokenSource _stopping = new();
    private readonly SemaphoreSlim _wake = new(0, 1);
    private readonly Task _loop;
    private TaskCompletionSource _connected = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private volatile IConnection? _current;

    public RabbitMqConnection(Uri uri, TimeSpan backoffMin, TimeSpan backoffMax, ILogger logger)
    {
        _factory = new ConnectionFactory
        {
            Uri = uri,
            AutomaticRecoveryEnabled = false,
            TopologyRecoveryEnabled = false,
            ClientProvidedName = $"orleans-rabbitmq-streams@{Environment.MachineName}",
            RequestedHeartbeat = TimeSpan.FromSeconds(10),
        };
        Endpoint = $"{uri.Host}:{uri.Port}{uri.AbsolutePath}";
        _backoffMin = backoffMin;
        _backoffMax = backoffMax;
        _logger = logger;
        _loop = Task.Run(ConnectLoopAsync);
    }

    /// <summary>Host, port and vhost (no credentials), for messages.</summary>
    public string Endpoint { get; }

    /// <summary>The open connection, or null while (re)connecting.</summary>
    public IConnection? Current => _current is { IsOpen: true } c ? c : null;

    /// <summary>Completes when a connection is open (or after <paramref name="timeout"/>; returns whether connected).</summary>
    public async Task<bool> WaitConnectedAsync(TimeSpan timeout)
    {
        if (Current is not null) return true;
        await Task.WhenAny(Volatile.Read(ref _connected).Task, Task.Delay(timeout)).ConfigureAwait(false);
        return Current is not null;
    }

    private async Task ConnectLoopAsync()
    {
        var attempt = 0;
        while (!_stopping.IsCancellationRequested)
        {
            if (Current is not null)
            {
                try { await _wake.WaitAsync(_stopping.Token).ConfigureAwait(false); }
                catch (OperationCanceledException) { return; }
                continue;
            }

            try
            {
                var connection = await _factory.CreateConnectionAsync(_stopping.Token).ConfigureAwait(false);
                connection.ConnectionShutdownAsync += OnShutdownAsync;
                _current = connection;
                attempt = 0;
                LogConnected(Endpoint);
                Interlocked.Exchange(ref _connected, new(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
            }
            catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                var delay = Backoff(attempt++);
                LogConnectFailed(Endpoint, delay, ex.Message);
                try { await Task.Delay(delay, _stopping.Token).ConfigureAwait(false); }
                catch (OperationCanceledException) { return; }
            }
        }
    }

    private Task OnShutdownAsync(object sender, ShutdownEventArgs args)
    {
        if (args.Initiator != ShutdownInitiator.Application)
            LogConnectionLost(Endpoint, args.ReplyText);
        if (ReferenceEquals(_current, sender)) _current = null;
        if (_wake.CurrentCount == 0)
        {
            try { _wake.Release(); } catch (SemaphoreFullException) { }
        }
        return Task.CompletedTask;
    }

    private TimeSpan Backoff(int attempt)
    {
        var exponential = _backoffMin.TotalMilliseconds * Math.Pow(2, Math.Min(attempt, 20));
        var capped = Math.Min(exponential, _backoffMax.TotalMilliseconds);
        return TimeSpan.FromMilliseconds(capped * (0.5 + Random.Shared.NextDouble() / 2));
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        await _loop.ConfigureAwait(false);
        if (_current is { } connection)
        {
            _current = null;
            try { await connection.CloseAsync(TimeSpan.FromSeconds(2)).ConfigureAwait(false); }
            catch (Exception ex) { LogCloseFailed(Endpoint, ex.Message); }
            await connection.DisposeAsync().ConfigureAwait(false);
        }
        _stopping.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "RabbitMQ streams connected to {Endpoint}")]
    private partial void LogConnected(string endpoint);

    [LoggerMessage(Level = LogLevel.Warning, Message = "RabbitMQ streams cannot connect to {Endpoint}; retrying in {Delay}: {Reason}")]
    private partial void LogConnectFailed(string endpoint, TimeSpan delay, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "RabbitMQ streams lost the connection to {Endpoint}: {Reason}; reconnecting")]
    private partial void LogConnectionLost(string endpoint, string reason);

    [LoggerMessage(Level = LogLevel.Debug, Message = "RabbitMQ streams could not close the connection to {Endpoint} cleanly: {Reason}")]
    private partial void LogCloseFailed(string endpoint, string reason);
}
