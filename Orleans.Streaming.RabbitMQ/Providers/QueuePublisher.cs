using Microsoft.Extensions.Logging;
using Orleans.Serialization;
using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;

namespace Orleans.Streaming.RabbitMQ;

/// <summary>
/// Publishes the containers of one queue with natural batching: a container goes out at once when nothing is in
/// flight; otherwise it joins the open batch, which goes out as ONE AMQP message when the previous publish is
/// confirmed, or earlier (concurrently) when it reaches the size limits. No linger timer: under load the batches
/// grow by themselves, when idle latency is one round trip. Callers' tasks complete on the broker's confirm and
/// fail fast with <see cref="RabbitMqUnavailableException"/> while the broker is unreachable or the backlog is full.
/// </summary>
internal sealed partial class QueuePublisher
{
    private const string ContentType = "application/x-orleans-rabbitmq-batch";

    private readonly int _index;
    private readonly string _queueName;
    private readonly RabbitMqTopology _topology;
    private readonly RabbitMqConnection _connection;
    private readonly RabbitMqStreamOptions _options;
    private readonly Serializer<RabbitMqBatchContainer> _serializer;
    private readonly RabbitMqStreamStatus _status;
    private readonly ILogger _logger;
    private readonly Lock _lock = new();
    private readonly SemaphoreSlim _channelGate = new(1, 1);
    private readonly string? _expiration;
    private PublishBatch? _open;
    private int _inFlight;
    private long _pendingBytes;
    private IChannel? _channel;

    public QueuePublisher(int index, RabbitMqTopology topology, RabbitMqConnection connection, RabbitMqStreamOptions options,
        Serializer<RabbitMqBatchContainer> serializer, RabbitMqStreamStatus status, ILogger logger)
    {
        _index = index;
        _queueName = topology.QueueName(index);
        _topology = topology;
        _connection = connection;
        _options = options;
        _serializer = serializer;
        _status = status;
        _logger = logger;
        _expiration = options.MessageTtl is { TotalMilliseconds: >= 1 } ttl ? ((long)ttl.TotalMilliseconds).ToString(System.Globalization.CultureInfo.InvariantCulture) : null;
    }

    /// <summary>Queues <paramref name="container"/>; the task completes when the broker confirmed the message holding it.</summary>
    public Task PublishAsync(RabbitMqBatchContainer container)
    {
        if (_connection.Current is null)
        {
            _status.RecordFailed(1);
            return Task.FromException(new RabbitMqUnavailableException(
                $"RabbitMQ at {_connection.Endpoint} is not connected; queue {_queueName} cannot take the batch of stream {container.StreamId}. Reconnecting in the background."));
        }

        PublishBatch? ready = null;
        Task confirmed;
        lock (_lock)
        {
            if (_pendingBytes >= _options.MaxPendingPublishBytes)
            {
                _status.RecordFailed(1);
                return Task.FromException(new RabbitMqUnavailableException(
                    $"Queue {_queueName} has {_pendingBytes} bytes waiting for broker confirms (limit {_options.MaxPendingPublishBytes}); the broker is too slow or stuck."));
            }
            if (_open is null)
            {
                _open = new PublishBatch(Math.Min(_options.MaxBatchBytes, 64 * 1024));
                _pendingBytes += _open.Bytes;
            }
            try
            {
                _pendingBytes += _open.Add(container, _serializer);
            }
            catch (Exception ex)
            {
                // Only this caller's container is bad (an event the serializer cannot write); the batch is untouched.
                _status.RecordFailed(1);
                return Task.FromException(ex);
            }
            confirmed = _open.Confirmed;
            if (_inFlight == 0 || _open.Bytes >= _options.MaxBatchBytes || _open.Containers >= _options.MaxBatchContainers)
            {
                ready = _open;
                _open = null;
                _inFlight++;
            }
        }
        if (ready is not null) _ = SendUntilDrainedAsync(ready);
        return confirmed;
    }

    /// <summary>Sends <paramref name="batch"/>, then whatever batch filled meanwhile, until none is open.</summary>
    private async Task SendUntilDrainedAsync(PublishBatch batch)
    {
        for (var next = batch; next is not null;)
        {
            await SendAsync(next).ConfigureAwait(false);
            lock (_lock)
            {
                _pendingBytes -= next.Bytes;
                next.Dispose();
                next = _open is { Containers: > 0 } open ? open : null;
                if (next is null) _inFlight--;
                else _open = null;
            }
        }
    }

    private async Task SendAsync(PublishBatch batch)
    {
        try
        {
            var channel = await GetChannelAsync().ConfigureAwait(false);
            var properties = new BasicProperties
            {
                DeliveryMode = _options.Durable ? DeliveryModes.Persistent : DeliveryModes.Transient,
                Expiration = _expiration,
                ContentType = ContentType,
                Headers = new Dictionary<string, object?> { ["x-containers"] = batch.Containers, ["x-events"] = batch.Events },
            };
            _status.RecordPublished(batch.Containers, batch.Events, batch.Bytes);
            using var timeout = new CancellationTokenSource(_options.PublishConfirmTimeout);
            await channel.BasicPublishAsync("", _queueName, mandatory: true, properties, batch.Body, timeout.Token).ConfigureAwait(false);
            _status.RecordConfirmed(batch.Containers);
            batch.Confirm();
        }
        catch (PublishException ex)
        {
            _status.RecordRejectedPublish();
            _status.RecordFailed(batch.Containers);
            LogRejected(_queueName, batch.Containers, ex.IsReturn);
            batch.Fail(new RabbitMqPublishRejectedException(
                $"RabbitMQ {(ex.IsReturn ? "returned (unroutable)" : "nacked")} the message of {batch.Containers} containers for queue {_queueName}.", ex));
        }
        catch (Exception ex)
        {
            _status.RecordFailed(batch.Containers);
            LogSendFailed(_queueName, batch.Containers, ex.Message);
            await DropChannelAsync().ConfigureAwait(false);
            batch.Fail(ex as RabbitMqUnavailableException ?? new RabbitMqUnavailableException(
                $"Publishing {batch.Containers} containers to queue {_queueName} at {_connection.Endpoint} failed: {ex.Message}", ex));
        }
    }

    private async ValueTask<IChannel> GetChannelAsync()
    {
        if (_channel is { IsOpen: true } channel) return channel;
        await _channelGate.WaitAsync().ConfigureAwait(false);
        try
        {
            if (_channel is { IsOpen: true } current) return current;
            var connection = _connection.Current ?? throw new RabbitMqUnavailableException(
                $"RabbitMQ at {_connection.Endpoint} is not connected; queue {_queueName} cannot publish. Reconnecting in the background.");
            if (_channel is { } stale) await stale.DisposeAsync().ConfigureAwait(false);
            _channel = null;
            using var timeout = new CancellationTokenSource(_options.PublishConfirmTimeout);
            var opened = await connection.CreateChannelAsync(new CreateChannelOptions(
                publisherConfirmationsEnabled: true,
                publisherConfirmationTrackingEnabled: true,
                outstandingPublisherConfirmationsRateLimiter: new ThrottlingRateLimiter(_options.MaxOutstandingConfirms, throttlingPercentage: 90)),
                timeout.Token).ConfigureAwait(false);
            await _topology.DeclareQueueAsync(opened, _index, timeout.Token).ConfigureAwait(false);
            _channel = opened;
            return opened;
        }
        finally
        {
            _channelGate.Release();
        }
    }

    private async Task DropChannelAsync()
    {
        await _channelGate.WaitAsync().ConfigureAwait(false);
        try
        {
            if (_channel is { IsOpen: false } closed)
            {
                _channel = null;
                await closed.DisposeAsync().ConfigureAwait(false);
            }
        }
        finally
        {
            _channelGate.Release();
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "RabbitMQ rejected a message of {Containers} containers for {Queue} (returned: {Returned})")]
    private partial void LogRejected(string queue, int containers, bool returned);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Publishing {Containers} containers to {Queue} failed: {Reason}")]
    private partial void LogSendFailed(string queue, int containers, string reason);
}
