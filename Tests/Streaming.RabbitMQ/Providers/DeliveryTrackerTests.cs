using Orleans.Streaming.RabbitMQ;

namespace Scanner.Tests.Streaming.RabbitMQ.Providers;

public sealed class DeliveryTrackerTests
{
    private readonly DeliveryTracker _tracker = new();
    private readonly List<DeliveryOutcome> _outcomes = [];
    private long _sequence;

    /// <summary>Hands out the <paramref name="containers"/> containers of one delivery; returns their sequence numbers.</summary>
    private (DeliveryHandle Delivery, long[] Sequences) Receive(ulong tag, int containers, long generation = 1)
    {
        var delivery = new DeliveryHandle(generation, tag, containers);
        var sequences = new long[containers];
        for (var i = 0; i < containers; i++)
        {
            sequences[i] = ++_sequence;
            _tracker.Track(sequences[i], delivery);
        }
        return (delivery, sequences);
    }

    private List<DeliveryOutcome> Purge(IEnumerable<long> delivered, long generation = 1)
    {
        _outcomes.Clear();
        _tracker.Resolve(delivered.ToList(), generation, _outcomes);
        return [.. _outcomes];
    }

    [Fact]
    public void A_delivery_is_acked_once_all_its_containers_are_purged_as_delivered()
    {
        var (delivery, sequences) = Receive(tag: 7, containers: 3);

        Assert.Empty(Purge(sequences[..2]));
        Assert.Equal([new DeliveryOutcome(delivery, DeliveryResult.Delivered)], Purge(sequences[2..]));
        Assert.Equal(0, _tracker.PendingContainers);
    }

    [Fact]
    public void A_container_left_out_of_the_purge_but_older_than_the_newest_purged_one_failed()
    {
        var (first, a) = Receive(tag: 1, containers: 2);
        var (second, b) = Receive(tag: 2, containers: 2);

        // Orleans purged everything up to b[1] but left out a[1]: its delivery failed.
        var outcomes = Purge([a[0], b[0], b[1]]);

        Assert.Equal([new DeliveryOutcome(first, DeliveryResult.Undelivered), new DeliveryOutcome(second, DeliveryResult.Delivered)], outcomes);
    }

    [Fact]
    public void Containers_newer_than_the_newest_purged_one_stay_pending()
    {
        var (first, a) = Receive(tag: 1, containers: 1);
        var (second, b) = Receive(tag: 2, containers: 2);

        Assert.Equal([new DeliveryOutcome(first, DeliveryResult.Delivered)], Purge(a));
        Assert.Equal(2, _tracker.PendingContainers);
        Assert.Equal([new DeliveryOutcome(second, DeliveryResult.Delivered)], Purge(b));
    }

    [Fact]
    public void A_failed_container_fails_its_delivery_even_when_the_rest_arrives_later()
    {
        var (delivery, s) = Receive(tag: 5, containers: 4);

        Assert.Empty(Purge([s[0]]));
        Assert.Empty(Purge([s[2]]));          // s[1] left out: failed
        Assert.Equal([new DeliveryOutcome(delivery, DeliveryResult.Undelivered)], Purge([s[3]]));
    }

    [Fact]
    public void Deliveries_of_a_replaced_channel_come_out_stale_whatever_happened_to_them()
    {
        var (old, a) = Receive(tag: 1, containers: 1, generation: 1);
        var (oldFailed, b) = Receive(tag: 2, containers: 1, generation: 1);
        var (current, c) = Receive(tag: 1, containers: 1, generation: 2);

        var outcomes = Purge([a[0], c[0]], generation: 2);

        Assert.Equal([
            new DeliveryOutcome(old, DeliveryResult.Stale),
            new DeliveryOutcome(oldFailed, DeliveryResult.Stale),
            new DeliveryOutcome(current, DeliveryResult.Delivered)], outcomes);
        _ = b;
    }

    [Fact]
    public void An_empty_purge_resolves_nothing()
    {
        Receive(tag: 1, containers: 2);

        Assert.Empty(Purge([]));
        Assert.Equal(2, _tracker.PendingContainers);
    }
}
