using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Orleans.Providers.Streams.Common;
using Orleans.Serialization;
using Orleans.Streams;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;

namespace Orleans.Streaming.RabbitMQ;

/// <summary>
/// Reads one queue for its pulling agent: a push consumer on its own channel (prefetch-limited) decodes each
/// delivery into containers and buffers them; <see cref="GetQueueMessagesAsync(int, CancellationToken)"/> drains
/// the buffer without waiting, giving each container an ordered sequence token; <see cref="DeliveryTracker"/>
/// turns what Orleans purged into acks, and into nacks (or counted drops) for deliveries with a container Orleans
/// failed to deliver. A lost channel is re-opened on the next poll once the connection is back (topology
/// re-declared, consumer re-registered); deliveries of the old channel are skipped, as the broker redelivers them.
/// </summary>
internal sealed partial class RabbitMqQueueReceiver : IQueueAdapterReceiver
{
    private sealed class ReceivedDelivery(DeliveryHandle handle, RabbitMqBatchContainer[] containers)
    {
        public DeliveryHandle Handle { get; } = handle;
        public RabbitMqBatchContainer[] Containers { get; } = containers;
        public int Next { get; set; }
    }

    private static readonly IList<IBatchContainer> Empty = Array.Empty<IBatchContainer>();

    private readonly int _index;
    private readonly string _queueName;
    private readonly RabbitMqTopology _topology;
    private readonly RabbitMqConnection _connection;
    private readonly RabbitMqStreamOptions _options;
    private readonly ushort _prefetch;
    private readonly Serializer<RabbitMqBatchContainer> _serializer;
    private readonly RabbitMqStreamStatus _status;
    private readonly ILogger _logger;
    private readonly ConcurrentQueue<ReceivedDelivery> _buffer = new();
    private readonly DeliveryTracker _tracker = new();
    private readonly List<DeliveryOutcome> _outcomes = [];
    private int _bufferedContainers;
    private ReceivedDelivery? _head;
    private IChannel? _channel;
    private long _generation;
    private long _sequence;
    private volatile bool _shutdown;
    private long _nextConsumeAttempt;
    private int _countedAsReceiver;

    public RabbitMqQueueReceiver(int index, RabbitMqTopology topology, RabbitMqConnection connection, RabbitMqStreamOptions options,
        ushort prefetch, Serializer<RabbitMqBatchContainer> serializer, RabbitMqStreamStatus status, ILogger logger)
    {
        _index = index;
        _queueName = topology.QueueName(index);
        _topology = topology;
        _connection = connection;
        _options = options;
        _prefetch = prefetch;
        _serializer = serializer;
        _status = status;
        _logger = logger;
    }

    [Obsolete("Use the overload which accepts a CancellationToken.")]
    public Task Initialize(TimeSpan timeout) => Initialize(timeout, CancellationToken.None);

    public async Task Initialize(TimeSpan timeout, CancellationToken cancellationToken)
    {
        if (Interlocked.Exchange(ref _countedAsReceiver, 1) == 0) _status.AddReceiver(1);
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(timeout);
        await _connection.WaitConnectedAsync(timeout).ConfigureAwait(false);
        await TryConsumeAsync(limit.Token).ConfigureAwait(false);
    }

    [Obsolete("Use the overload which accepts a CancellationToken.")]
    public Task<IList<IBatchContainer>> GetQueueMessagesAsync(int maxCount) => GetQueueMessagesAsync(maxCount, CancellationToken.None);

    public async Task<IList<IBatchContainer>> GetQueueMessagesAsync(int maxCount, CancellationToken cancellationToken)
    {
        if (_shutdown) return Empty;
        if (_channel is not { IsOpen: true })
            await TryConsumeAsync(cancellationToken).ConfigureAwait(false);
        if (Volatile.Read(ref _bufferedContainers) == 0) return Empty;

        var limit = maxCount > 0 ? maxCount : int.MaxValue;
        var batch = new List<IBatchContainer>(Math.Min(limit, Volatile.Read(ref _bufferedContainers)));
        while (batch.Count < limit && NextDelivery() is { } delivery)
        {
            var taken = 0;
            while (batch.Count < limit && delivery.Next < delivery.Containers.Length)
            {
                var container = delivery.Containers[delivery.Next++];
                container.Token = new EventSequenceTokenV2(++_sequence);
                _tracker.Track(_sequence, delivery.Handle);
                batch.Add(container);
                taken++;
            }
            Interlocked.Add(ref _bufferedContainers, -taken);
            _status.AddBuffered(-taken);
        }
        return batch;
    }

    /// <summary>The delivery to take containers from next, skipping those of a replaced channel.</summary>
    private ReceivedDelivery? NextDelivery()
    {
        while (true)
        {
            if (_head is { } head && head.Next < head.Containers.Length) return head;
            _head = null;
            if (!_buffer.TryDequeue(out var next)) return null;
            if (next.Handle.ChannelGeneration == _generation)
            {
                _head = next;
                continue;
            }
            Interlocked.Add(ref _bufferedContainers, -next.Containers.Length);
            _status.AddBuffered(-next.Containers.Length);
        }
    }

    [Obsolete("Use the overload which accepts a CancellationToken.")]
    public Task MessagesDeliveredAsync(IList<IBatchContainer> messages) => MessagesDeliveredAsync(messages, CancellationToken.None);

    public async Task MessagesDeliveredAsync(IList<IBatchContainer> messages, CancellationToken cancellationToken)
    {
        if (messages.Count == 0) return;
        var delivered = new HashSet<long>(messages.Count);
        foreach (var message in messages)
        {
            if (message is RabbitMqBatchContainer { Token: { } token }) delivered.Add(token.SequenceNumber);
        }
        _outcomes.Clear();
        _tracker.Resolve(delivered, _generation, _outcomes);
        if (_outcomes.Count > 0) await SettleAsync(_outcomes).ConfigureAwait(false);
    }

    /// <summary>Acks (runs of them with one multiple-ack) and nacks or drops the resolved deliveries, in order.</summary>
    private async Task SettleAsync(List<DeliveryOutcome> outcomes)
    {
        var channel = _channel;
        ulong? ackUpTo = null;
        var ackCount = 0;
        try
        {
            foreach (var outcome in outcomes)
            {
                if (outcome.Result == DeliveryResult.Stale || channel is not { IsOpen: true })
                {
                    _status.RecordStale();
                    continue;
                }
                if (outcome.Result == DeliveryResult.Delivered)
                {
                    ackUpTo = outcome.Delivery.DeliveryTag;
                    ackCount++;
                    continue;
                }
                await FlushAcksAsync().ConfigureAwait(false);
                LogUndelivered(_queueName, outcome.Delivery.ContainerCount, _options.UndeliveredPolicy);
                if (_options.UndeliveredPolicy == UndeliveredPolicy.DeadLetter)
                {
                    await channel.BasicNackAsync(outcome.Delivery.DeliveryTag, multiple: false, requeue: false).ConfigureAwait(false);
                    _status.RecordNacked();
                }
                else
                {
                    await channel.BasicAckAsync(outcome.Delivery.DeliveryTag, multiple: false).ConfigureAwait(false);
                    _status.RecordDropped();
                }
            }
            await FlushAcksAsync().ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            // The channel died under us: the broker requeues whatever it still held unacked.
            LogSettleFailed(_queueName, ex.Message);
        }

        async Task FlushAcksAsync()
        {
            if (ackUpTo is not { } tag) return;
            await channel!.BasicAckAsync(tag, multiple: true).ConfigureAwait(false);
            _status.RecordAcked(ackCount);
            ackUpTo = null;
            ackCount = 0;
        }
    }

    /// <summary>Opens a channel on the current connection and consumes the queue; does nothing while disconnected.</summary>
    private async Task TryConsumeAsync(CancellationToken cancellationToken)
    {
        if (_shutdown || _connection.Current is not { } connection || Environment.TickCount64 < _nextConsumeAttempt) return;
        _nextConsumeAttempt = Environment.TickCount64 + 1_000;
        await CloseChannelAsync().ConfigureAwait(false);
        try
        {
            var channel = await connection.CreateChannelAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
            await _topology.DeclareQueueAsync(channel, _index, cancellationToken).ConfigureAwait(false);
            await channel.BasicQosAsync(0, _prefetch, false, cancellationToken).ConfigureAwait(false);
            var generation = ++_generation;
            var consumer = new AsyncEventingBasicConsumer(channel);
            consumer.ReceivedAsync += (sender, delivery) => OnReceivedAsync(generation, (AsyncEventingBasicConsumer)sender, delivery);
            _channel = channel;
            await channel.BasicConsumeAsync(_queueName, autoAck: false, consumer, cancellationToken).ConfigureAwait(false);
            LogConsuming(_queueName, generation, _prefetch);
        }
        catch (Exception ex) when (!_shutdown)
        {
            LogConsumeFailed(_queueName, ex.Message);
            await CloseChannelAsync().ConfigureAwait(false);
        }
    }

    /// <summary>Runs on the channel's dispatcher: decode (copying out of the delivery buffer) and buffer the containers.</summary>
    private async Task OnReceivedAsync(long generation, AsyncEventingBasicConsumer consumer, BasicDeliverEventArgs delivery)
    {
        RabbitMqBatchContainer[] containers;
        try
        {
            containers = BatchBodyCodec.Decode(delivery.Body, _serializer);
        }
        catch (BatchBodyCodec.MalformedBodyException ex)
        {
            _status.RecordMalformed();
            LogMalformed(_queueName, delivery.Body.Length, ex.Message);
            await consumer.Channel.BasicNackAsync(delivery.DeliveryTag, multiple: false, requeue: false).ConfigureAwait(false);
            return;
        }
        if (containers.Length == 0)
        {
            await consumer.Channel.BasicAckAsync(delivery.DeliveryTag, multiple: false).ConfigureAwait(false);
            return;
        }

        // Prefetch bounds the buffer already; this guards against huge deliveries piling up behind a stalled agent.
        while (Volatile.Read(ref _bufferedContainers) >= _options.ReceiveBufferContainers && !_shutdown && consumer.Channel.IsOpen)
            await Task.Delay(10).ConfigureAwait(false);

        _buffer.Enqueue(new ReceivedDelivery(new DeliveryHandle(generation, delivery.DeliveryTag, containers.Length), containers));
        Interlocked.Add(ref _bufferedContainers, containers.Length);
        _status.RecordReceived(containers.Length);
        _status.AddBuffered(containers.Length);
    }

    [Obsolete("Use the overload which accepts a CancellationToken.")]
    public Task Shutdown(TimeSpan timeout) => Shutdown(timeout, CancellationToken.None);

    public async Task Shutdown(TimeSpan timeout, CancellationToken cancellationToken)
    {
        _shutdown = true;
        if (Interlocked.Exchange(ref _countedAsReceiver, 0) == 1) _status.AddReceiver(-1);
        await CloseChannelAsync().ConfigureAwait(false);
        var dropped = Interlocked.Exchange(ref _bufferedContainers, 0);
        _status.AddBuffered(-dropped);
        _buffer.Clear();
        _head = null;
    }

    private async Task CloseChannelAsync()
    {
        if (_channel is not { } channel) return;
        _channel = null;
        try
        {
            if (channel.IsOpen) await channel.CloseAsync().ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            LogSettleFailed(_queueName, ex.Message);
        }
        await channel.DisposeAsync().ConfigureAwait(false);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Consuming {Queue} (channel generation {Generation}, prefetch {Prefetch})")]
    private partial void LogConsuming(string queue, long generation, ushort prefetch);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Cannot consume {Queue}: {Reason}; retrying on the next poll")]
    private partial void LogConsumeFailed(string queue, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Delivery on {Queue} of {Length} bytes is malformed and dead-lettered: {Reason}")]
    private partial void LogMalformed(string queue, int length, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Delivery on {Queue} with {Containers} containers was not fully delivered to consumers; policy {Policy}")]
    private partial void LogUndelivered(string queue, int containers, UndeliveredPolicy policy);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Settling deliveries on {Queue} failed: {Reason}; the broker redelivers them")]
    private partial void LogSettleFailed(string queue, string reason);
}
