using Orleans.Streams;
using Orleans.Streams.Core;

namespace Scanner.Tests.Streaming.RabbitMQ.Broker;

/// <summary>What a probe grain received: per stream namespace, the sequence numbers in arrival order.</summary>
[GenerateSerializer, Alias("rabbitmq.tests.probe-snapshot")]
public sealed record ProbeSnapshot([property: Id(0)] Dictionary<string, List<long>> Received)
{
    public IReadOnlyList<long> Of(string streamNamespace) => Received.TryGetValue(streamNamespace, out var list) ? list : [];
}

public interface IStreamProbeGrain : IGrainWithStringKey
{
    Task<ProbeSnapshot> GetSnapshotAsync();
}

/// <summary>
/// Test consumer, one per key, implicitly subscribed to both test namespaces. Records the number of each event
/// (<see cref="Tick.Sequence"/>, <see cref="Mark.Start"/>) and throws for a poison tick, to play a consumer that fails.
/// </summary>
[ImplicitStreamSubscription(TestStreams.Ticks)]
[ImplicitStreamSubscription(TestStreams.Marks)]
public sealed class StreamProbeGrain : Grain, IStreamProbeGrain, IStreamSubscriptionObserver
{
    private readonly Dictionary<string, List<long>> _received = [];

    public async Task OnSubscribed(IStreamSubscriptionHandleFactory handleFactory)
    {
        var streamNamespace = handleFactory.StreamId.GetNamespace()!;
        var handle = handleFactory.Create<TestEvent>();
        await handle.ResumeAsync((e, _) => OnEventAsync(streamNamespace, e));
    }

    private Task OnEventAsync(string streamNamespace, TestEvent e)
    {
        if (e is Tick { IsPoison: true })
            throw new InvalidOperationException($"Poison tick {e.Key} for the consumer failure test.");
        if (!_received.TryGetValue(streamNamespace, out var list))
            _received[streamNamespace] = list = [];
        list.Add(e switch { Tick t => t.Sequence, Mark m => m.Start, _ => throw new InvalidOperationException($"Unknown event {e}") });
        return Task.CompletedTask;
    }

    public Task<ProbeSnapshot> GetSnapshotAsync() =>
        Task.FromResult(new ProbeSnapshot(_received.ToDictionary(kv => kv.Key, kv => kv.Value.ToList())));
}
