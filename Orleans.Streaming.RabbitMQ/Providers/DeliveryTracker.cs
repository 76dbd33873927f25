namespace Orleans.Streaming.RabbitMQ;

/// <summary>The broker's handle of one AMQP delivery: its tag on the channel of <paramref name="ChannelGeneration"/>.</summary>
internal sealed record DeliveryHandle(long ChannelGeneration, ulong DeliveryTag, int ContainerCount);

/// <summary>What became of a delivery whose containers are all resolved.</summary>
internal enum DeliveryResult
{
    /// <summary>Every container was delivered: ack.</summary>
    Delivered,

    /// <summary>Some container was not delivered: apply the <see cref="UndeliveredPolicy"/>.</summary>
    Undelivered,

    /// <summary>It came on a channel that was replaced since: its tag means nothing now, and the broker redelivers it.</summary>
    Stale,
}

/// <summary>The result of one resolved delivery.</summary>
internal readonly record struct DeliveryOutcome(DeliveryHandle Delivery, DeliveryResult Result);

/// <summary>
/// Decides when an AMQP delivery (many containers) can be acked. Containers are tracked in the order the
/// receiver handed them to Orleans (ascending sequence numbers). Orleans reports only the containers it purged
/// from its cache AFTER delivering them; one whose delivery failed is left out. The cache purges oldest first,
/// so every tracked container at or below the newest purged sequence number that was not reported has failed.
/// A delivery is resolved once all its containers are. Not thread-safe: the pulling agent calls the receiver
/// from one thread at a time.
/// </summary>
internal sealed class DeliveryTracker
{
    private readonly Queue<(long Sequence, DeliveryHandle Delivery)> _pending = new();
    private readonly Dictionary<DeliveryHandle, (int Remaining, bool Failed)> _deliveries = new(ReferenceEqualityComparer.Instance);

    /// <summary>Containers handed to Orleans and not yet resolved.</summary>
    public int PendingContainers => _pending.Count;

    /// <summary>Records that the container with <paramref name="sequence"/> (ascending) of <paramref name="delivery"/> went to Orleans.</summary>
    public void Track(long sequence, DeliveryHandle delivery)
    {
        _pending.Enqueue((sequence, delivery));
        if (!_deliveries.ContainsKey(delivery))
            _deliveries[delivery] = (delivery.ContainerCount, false);
    }

    /// <summary>
    /// Resolves against the sequence numbers of the containers Orleans purged after delivery; appends the deliveries
    /// now fully resolved to <paramref name="outcomes"/>, in delivery order. Deliveries of a channel generation other
    /// than <paramref name="currentGeneration"/> come out <see cref="DeliveryResult.Stale"/>.
    /// </summary>
    public void Resolve(IReadOnlyCollection<long> deliveredSequences, long currentGeneration, List<DeliveryOutcome> outcomes)
    {
        if (deliveredSequences.Count == 0) return;
        var newest = deliveredSequences.Max();
        var delivered = deliveredSequences as ISet<long> ?? new HashSet<long>(deliveredSequences);
        while (_pending.TryPeek(out var head) && head.Sequence <= newest)
        {
            _pending.Dequeue();
            var (remaining, failed) = _deliveries[head.Delivery];
            remaining--;
            failed |= !delivered.Contains(head.Sequence);
            if (remaining > 0)
            {
                _deliveries[head.Delivery] = (remaining, failed);
                continue;
            }
            _deliveries.Remove(head.Delivery);
            var result = head.Delivery.ChannelGeneration != currentGeneration ? DeliveryResult.Stale
                : failed ? DeliveryResult.Undelivered
                : DeliveryResult.Delivered;
            outcomes.Add(new DeliveryOutcome(head.Delivery, result));
        }
    }
}
