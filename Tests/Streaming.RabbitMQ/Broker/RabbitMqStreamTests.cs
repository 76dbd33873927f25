using Microsoft.Extensions.DependencyInjection;
using Orleans.Configuration;
using Orleans.Streaming.RabbitMQ;

namespace Scanner.Tests.Streaming.RabbitMQ.Broker;

/// <summary>The RabbitMQ stream provider against the real broker (see <see cref="RabbitMqBroker"/>).</summary>
[Collection(RabbitMqStreamCollection.Name)]
public sealed class RabbitMqStreamTests
{
    [Fact]
    public async Task Events_reach_implicit_subscribers_of_each_kind_in_order_per_stream_and_are_acked()
    {
        await using var cluster = await RabbitMqStreamCluster.StartAsync();
        var symbols = Enumerable.Range(0, 12).Select(i => $"RT{i}").ToArray();
        const int batches = 40;

        await Task.WhenAll(symbols.Select(async symbol =>
        {
            var ticks = cluster.Stream(TestStreams.Ticks, symbol);
            var marks = cluster.ClientStream(TestStreams.Marks, symbol); // produced by an Orleans client
            var sequence = 0L;
            for (var b = 0; b < batches; b++)
            {
                var size = 1 + b % 3;
                await ticks.OnNextBatchAsync(Enumerable.Range(0, size).Select(_ => (TestEvent)new Tick(symbol, ++sequence)).ToList());
                if (b % 4 == 0) await marks.OnNextAsync(new Mark(symbol, b * 1_000L));
            }
        }));
        var expectedTicks = Enumerable.Range(1, Enumerable.Range(0, batches).Sum(b => 1 + b % 3)).Select(i => (long)i).ToList();
        var expectedMarks = Enumerable.Range(0, batches).Where(b => b % 4 == 0).Select(b => b * 1_000L).ToList();

        foreach (var symbol in symbols)
        {
            await Polling.UntilAsync(async () =>
                {
                    var probe = await cluster.ProbeAsync(symbol);
                    return probe.Of(TestStreams.Ticks).Count >= expectedTicks.Count && probe.Of(TestStreams.Marks).Count >= expectedMarks.Count;
                },
                () => $"{symbol}: {cluster.Describe(TestStreams.Ticks)}");
            var snapshot = await cluster.ProbeAsync(symbol);
            Assert.Equal(expectedTicks, snapshot.Of(TestStreams.Ticks));
            Assert.Equal(expectedMarks, snapshot.Of(TestStreams.Marks));
        }

        var status = cluster.Status(TestStreams.Ticks);
        Assert.True(status.Connected);
        Assert.Equal(symbols.Length * batches, status.ConfirmedContainers);
        Assert.Equal(0, status.FailedContainers);
        // Everything delivered is acked once Orleans purges it from the cache: nothing stays unacked.
        await Polling.UntilAsync(() => status.AckedMessages == status.PublishedMessages, () => status.ToString());
        Assert.Equal(0, status.NackedMessages);
    }

    [Fact]
    public async Task Stale_messages_expire_unprocessed_and_every_expiry_is_counted()
    {
        // Ticks expire after 300 ms and their pulling agents never start: every message dies of age in its queue.
        await using var cluster = await RabbitMqStreamCluster.StartAsync(
            configure: (kind, o) => { if (kind == TestStreams.Ticks) o.MessageTtl = TimeSpan.FromMilliseconds(300); },
            configureSilo: silo => silo.Services.Configure<StreamLifecycleOptions>(TestStreams.Ticks,
                o => o.StartupState = StreamLifecycleOptions.RunState.AgentsStopped));
        var symbols = Enumerable.Range(0, 8).Select(i => $"TTL{i}").ToArray();

        foreach (var symbol in symbols)
        {
            for (var sequence = 1; sequence <= 10; sequence++)
                await cluster.Stream(TestStreams.Ticks, symbol).OnNextAsync(new Tick(symbol, sequence));
        }

        var status = cluster.Status(TestStreams.Ticks);
        Assert.Equal(symbols.Length * 10, status.ConfirmedContainers);
        await Polling.UntilAsync(
            () => status.DeadLettered.GetValueOrDefault("expired") == status.PublishedMessages,
            () => status.ToString());
        Assert.Equal(0, status.ReceivedContainers);
        foreach (var symbol in symbols)
            Assert.Empty((await cluster.ProbeAsync(symbol)).Of(TestStreams.Ticks));
    }

    [Fact]
    public async Task A_failing_consumer_gets_its_delivery_dead_lettered_while_other_streams_carry_on()
    {
        await using var cluster = await RabbitMqStreamCluster.StartAsync(
            configureSilo: silo => silo.Services.Configure<StreamPullingAgentOptions>(TestStreams.Ticks,
                o => o.MaxEventDeliveryTime = TimeSpan.FromSeconds(2)));
        var good = cluster.Stream(TestStreams.Ticks, "GOOD");

        for (var sequence = 1; sequence <= 20; sequence++) await good.OnNextAsync(new Tick("GOOD", sequence));
        await cluster.Stream(TestStreams.Ticks, "BAD").OnNextAsync(Tick.Poison("BAD"));
        for (var sequence = 21; sequence <= 40; sequence++) await good.OnNextAsync(new Tick("GOOD", sequence));

        var status = cluster.Status(TestStreams.Ticks);
        await Polling.UntilAsync(async () => (await cluster.ProbeAsync("GOOD")).Of(TestStreams.Ticks).Count >= 40, status.ToString);
        Assert.Equal(Enumerable.Range(1, 40).Select(i => (long)i), (await cluster.ProbeAsync("GOOD")).Of(TestStreams.Ticks));

        // The poison delivery is nacked to the dead-letter exchange and counted there; nothing stays unacked.
        await Polling.UntilAsync(
            () => status.NackedMessages >= 1 && status.DeadLettered.GetValueOrDefault("rejected") == status.NackedMessages
                   && status.AckedMessages + status.NackedMessages == status.PublishedMessages,
            () => status.ToString());
        Assert.Empty((await cluster.ProbeAsync("BAD")).Of(TestStreams.Ticks));
    }

    [Fact]
    public async Task A_broker_restart_fails_publishes_fast_then_recovers_losing_only_what_was_in_flight()
    {
        await using var cluster = await RabbitMqStreamCluster.StartAsync();
        var status = cluster.Status(TestStreams.Ticks);
        var stream = cluster.Stream(TestStreams.Ticks, "RESTART");
        var confirmed = new List<long>();
        var failures = new List<Exception>();
        var phase = 0; // 0 before the restart, 1 during, 2 after reconnecting
        long confirmedAfterRestart = 0;
        using var stop = new CancellationTokenSource();

        var producer = Task.Run(async () =>
        {
            for (var sequence = 1L; !stop.IsCancellationRequested; sequence++)
            {
                try
                {
                    await stream.OnNextAsync(new Tick("RESTART", sequence));
                    lock (confirmed) confirmed.Add(sequence);
                    if (Volatile.Read(ref phase) == 2) Interlocked.Increment(ref confirmedAfterRestart);
                }
                catch (Exception ex)
                {
                    lock (failures) failures.Add(ex);
                }
                await Task.Delay(10);
            }
        });

        await Polling.UntilAsync(() => status.ConfirmedContainers >= 50, status.ToString);
        Volatile.Write(ref phase, 1);
        await RabbitMqBroker.StopAsync();
        try
        {
            await Polling.UntilAsync(() => !status.Connected && status.FailedContainers > 0, status.ToString);
        }
        finally
        {
            await RabbitMqBroker.StartAsync();
        }
        long lastBeforeRecovery;
        lock (confirmed) lastBeforeRecovery = confirmed.Count > 0 ? confirmed[^1] : 0;
        await Polling.UntilAsync(() => status.Connected, status.ToString);
        Volatile.Write(ref phase, 2);
        await Polling.UntilAsync(() => Interlocked.Read(ref confirmedAfterRestart) >= 50, status.ToString);
        await stop.CancelAsync();
        await producer;

        List<long> published;
        lock (confirmed) published = [.. confirmed];
        var tail = published.Where(s => s > lastBeforeRecovery).ToList();
        await Polling.UntilAsync(async () =>
            {
                var received = (await cluster.ProbeAsync("RESTART")).Of(TestStreams.Ticks).ToHashSet();
                return tail.All(received.Contains);
            },
            () => $"events confirmed after recovery must all arrive; {status}");

        var snapshot = (await cluster.ProbeAsync("RESTART")).Of(TestStreams.Ticks);
        Assert.All(snapshot, s => Assert.Contains(s, published));        // nothing arrives that was not confirmed
        Assert.All(published.Except(snapshot), s => Assert.True(s <= lastBeforeRecovery,
            $"event {s} was lost although it was confirmed after recovery"));
        lock (failures)
        {
            Assert.NotEmpty(failures);
            Assert.All(failures, f => Assert.IsType<RabbitMqUnavailableException>(f));
            Assert.True(status.FailedContainers >= failures.Count, status.ToString());
        }
    }

    [Fact]
    public async Task Two_silos_share_the_queues_without_duplicate_processing()
    {
        // The balancer places queues on the consistent ring: with only 4 queues one silo gets them all in about one
        // run in eight; with 16 that is about one in 30,000.
        const int queues = 16;
        await using var cluster = await RabbitMqStreamCluster.StartAsync(silos: 2, configure: (_, o) => o.QueueCount = queues);
        await cluster.Cluster.WaitForLivenessToStabilizeAsync();
        // Steady state: the queue balancer gave each silo queues of its own, and every queue has one reader.
        await Polling.UntilAsync(
            () => cluster.Status(TestStreams.Ticks, 0).Receivers > 0 && cluster.Status(TestStreams.Ticks, 1).Receivers > 0
                  && cluster.Status(TestStreams.Ticks, 0).Receivers + cluster.Status(TestStreams.Ticks, 1).Receivers == queues,
            () => cluster.Describe(TestStreams.Ticks), timeout: TimeSpan.FromMinutes(2));

        var symbols = Enumerable.Range(0, 24).Select(i => $"TWO{i}").ToArray();
        await Task.WhenAll(symbols.Select(async (symbol, i) =>
        {
            var stream = cluster.Stream(TestStreams.Ticks, symbol, silo: i % 2);
            for (var sequence = 1; sequence <= 30; sequence++) await stream.OnNextAsync(new Tick(symbol, sequence));
        }));

        foreach (var symbol in symbols)
        {
            await Polling.UntilAsync(async () => (await cluster.ProbeAsync(symbol)).Of(TestStreams.Ticks).Count >= 30,
                () => $"{symbol}: {cluster.Describe(TestStreams.Ticks)}");
        }
        // A duplicate could only come from a delivery the broker still holds: once every published message is
        // acked (on whichever silo read it), nothing is left to redeliver, so the records below are final.
        await Polling.UntilAsync(
            () => Enumerable.Range(0, 2).Sum(i => cluster.Status(TestStreams.Ticks, i).AckedMessages)
                  >= Enumerable.Range(0, 2).Sum(i => cluster.Status(TestStreams.Ticks, i).PublishedMessages),
            () => cluster.Describe(TestStreams.Ticks));
        foreach (var symbol in symbols)
            Assert.Equal(Enumerable.Range(1, 30).Select(i => (long)i), (await cluster.ProbeAsync(symbol)).Of(TestStreams.Ticks));
        Assert.True(cluster.Status(TestStreams.Ticks, 0).ReceivedContainers > 0, cluster.Describe(TestStreams.Ticks));
        Assert.True(cluster.Status(TestStreams.Ticks, 1).ReceivedContainers > 0, cluster.Describe(TestStreams.Ticks));
    }
}

/// <summary>The stream tests share one broker and restart it: they run one at a time.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class RabbitMqStreamCollection
{
    public const string Name = "RabbitMQ streams";
}
