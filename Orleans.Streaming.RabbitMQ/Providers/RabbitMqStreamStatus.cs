using System.Collections.Concurrent;

namespace Orleans.Streaming.RabbitMQ;

/// <summary>
/// Live counters of one RabbitMQ stream provider in this silo, for the health endpoint and the metrics.
/// Resolve all of them with <see cref="RabbitMqStreamStatusBoard"/>.
/// </summary>
public sealed class RabbitMqStreamStatus(string providerName)
{
    private long _publishedMessages, _publishedContainers, _publishedEvents, _publishedBytes;
    private long _confirmedContainers, _failedContainers, _rejectedPublishes;
    private long _receivedMessages, _receivedContainers, _malformedMessages;
    private long _ackedMessages, _nackedMessages, _droppedMessages, _staleOutcomes;
    private long _buffered;
    private int _receivers;
    private readonly ConcurrentDictionary<string, long> _deadLettered = new();
    private Func<bool>? _isConnected;

    public string ProviderName { get; } = providerName;
    /// <summary>True while the provider's broker connection is open.</summary>
    public bool Connected => _isConnected?.Invoke() ?? false;

    internal void BindConnection(Func<bool> isConnected) => _isConnected = isConnected;

    public long PublishedMessages => Volatile.Read(ref _publishedMessages);
    public long PublishedContainers => Volatile.Read(ref _publishedContainers);
    public long PublishedEvents => Volatile.Read(ref _publishedEvents);
    public long PublishedBytes => Volatile.Read(ref _publishedBytes);
    /// <summary>Containers whose AMQP message the broker confirmed.</summary>
    public long ConfirmedContainers => Volatile.Read(ref _confirmedContainers);
    /// <summary>Containers whose publish failed (broker down, nack, return); their callers got an exception.</summary>
    public long FailedContainers => Volatile.Read(ref _failedContainers);
    /// <summary>AMQP messages the broker nacked or returned.</summary>
    public long RejectedPublishes => Volatile.Read(ref _rejectedPublishes);
    public long ReceivedMessages => Volatile.Read(ref _receivedMessages);
    public long ReceivedContainers => Volatile.Read(ref _receivedContainers);
    /// <summary>Deliveries whose body could not be read; dead-lettered.</summary>
    public long MalformedMessages => Volatile.Read(ref _malformedMessages);
    public long AckedMessages => Volatile.Read(ref _ackedMessages);
    /// <summary>Deliveries nacked to the dead-letter exchange because a container was not delivered.</summary>
    public long NackedMessages => Volatile.Read(ref _nackedMessages);
    /// <summary>Deliveries with an undelivered container acked away under <see cref="UndeliveredPolicy.Drop"/>.</summary>
    public long DroppedMessages => Volatile.Read(ref _droppedMessages);
    /// <summary>Outcomes for deliveries of a channel that was replaced (the broker redelivers those itself).</summary>
    public long StaleOutcomes => Volatile.Read(ref _staleOutcomes);
    /// <summary>Queues this silo reads now (the queue balancer spreads them over the silos).</summary>
    public int Receivers => Volatile.Read(ref _receivers);

    /// <summary>Containers received and not yet handed to Orleans.</summary>
    public long Buffered => Volatile.Read(ref _buffered);

    /// <summary>Messages of this provider's queues that the broker dead-lettered, by reason (expired, rejected, maxlen).</summary>
    public IReadOnlyDictionary<string, long> DeadLettered => _deadLettered;

    public long DeadLetteredTotal => _deadLettered.Values.Sum();

    internal void RecordPublished(int containers, int events, int bytes)
    {
        Interlocked.Increment(ref _publishedMessages);
        Interlocked.Add(ref _publishedContainers, containers);
        Interlocked.Add(ref _publishedEvents, events);
        Interlocked.Add(ref _publishedBytes, bytes);
    }

    internal void RecordConfirmed(int containers) => Interlocked.Add(ref _confirmedContainers, containers);
    internal void RecordFailed(int containers) => Interlocked.Add(ref _failedContainers, containers);
    internal void RecordRejectedPublish() => Interlocked.Increment(ref _rejectedPublishes);

    internal void RecordReceived(int containers)
    {
        Interlocked.Increment(ref _receivedMessages);
        Interlocked.Add(ref _receivedContainers, containers);
    }

    internal void RecordMalformed() => Interlocked.Increment(ref _malformedMessages);
    internal void RecordAcked(int messages) => Interlocked.Add(ref _ackedMessages, messages);
    internal void RecordNacked() => Interlocked.Increment(ref _nackedMessages);
    internal void RecordDropped() => Interlocked.Increment(ref _droppedMessages);
    internal void RecordStale() => Interlocked.Increment(ref _staleOutcomes);
    internal void AddReceiver(int delta) => Interlocked.Add(ref _receivers, delta);
    internal void AddBuffered(long delta) => Interlocked.Add(ref _buffered, delta);
    internal void RecordDeadLettered(string reason) => _deadLettered.AddOrUpdate(reason, 1, static (_, n) => n + 1);

    public override string ToString() =>
        $"{ProviderName}: connected={Connected} published={PublishedContainers} confirmed={ConfirmedContainers} failed={FailedContainers} " +
        $"received={ReceivedContainers} acked={AckedMessages} nacked={NackedMessages} dropped={DroppedMessages} " +
        $"deadLettered=[{string.Join(", ", _deadLettered.Select(kv => $"{kv.Key}={kv.Value}"))}] buffered={Buffered} receivers={Receivers}";
}
