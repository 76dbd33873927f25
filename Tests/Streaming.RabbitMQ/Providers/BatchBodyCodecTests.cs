using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;
using Orleans.Streaming.RabbitMQ;

namespace Scanner.Tests.Streaming.RabbitMQ.Providers;

public sealed class BatchBodyCodecTests
{
    private static readonly Serializer<RabbitMqBatchContainer> Serializer = new ServiceCollection()
        .AddSerializer(b => b
            .AddAssembly(typeof(RabbitMqBatchContainer).Assembly)
            .AddAssembly(typeof(TestEvent).Assembly)
            .AddAssembly(typeof(StreamId).Assembly))
        .BuildServiceProvider()
        .GetRequiredService<Serializer<RabbitMqBatchContainer>>();

    private static byte[] Encode(IEnumerable<RabbitMqBatchContainer> containers)
    {
        using var batch = new PublishBatch(1024);
        foreach (var container in containers) batch.Add(container, Serializer);
        return batch.Body.ToArray();
    }

    [Fact]
    public void Many_containers_with_mixed_events_and_request_context_round_trip_in_order()
    {
        var containers = Enumerable.Range(0, 300).Select(i => new RabbitMqBatchContainer(
            StreamId.Create(TestStreams.Ticks, $"SYM{i % 7}"),
            i % 3 == 0
                ? [new Tick($"SYM{i % 7}", i), new Mark($"SYM{i % 7}", i * 1000L), new Tick($"SYM{i % 7}", i + 1)]
                : [new Tick($"SYM{i % 7}", i)],
            i % 5 == 0 ? new Dictionary<string, object> { ["trace"] = $"t{i}", ["hop"] = i } : null)).ToList();

        var decoded = BatchBodyCodec.Decode(Encode(containers), Serializer);

        Assert.Equal(containers.Count, decoded.Length);
        for (var i = 0; i < containers.Count; i++)
        {
            Assert.Equal(containers[i].StreamId, decoded[i].StreamId);
            Assert.Equal(containers[i].Events, decoded[i].Events);
            if (containers[i].RequestContext is { } context)
                Assert.Equal(context, decoded[i].RequestContext!);
            else
                Assert.Null(decoded[i].RequestContext);
        }
    }

    [Fact]
    public void Typed_event_enumeration_keeps_position_in_the_container()
    {
        var container = new RabbitMqBatchContainer(StreamId.Create(TestStreams.Ticks, "AAPL"),
            [new Tick("AAPL", 1), new Mark("AAPL", 0), new Tick("AAPL", 2)], null)
        { Token = new Orleans.Providers.Streams.Common.EventSequenceTokenV2(42) };

        var ticks = container.GetEvents<Tick>().ToList();
        var all = container.GetEvents<TestEvent>().ToList();

        Assert.Equal([1L, 2L], ticks.Select(t => t.Item1.Sequence));
        Assert.Equal(3, all.Count);
        Assert.All(all, e => Assert.Equal(42, e.Item2.SequenceNumber));
        Assert.Equal([0, 1, 2], all.Select(e => e.Item2.EventIndex));
    }

    [Fact]
    public void The_receiver_token_travels_with_the_container_to_other_silos_but_is_not_published()
    {
        var container = new RabbitMqBatchContainer(StreamId.Create(TestStreams.Ticks, "AAPL"), [new Tick("AAPL", 1)], null);
        Assert.Null(BatchBodyCodec.Decode(Encode([container]), Serializer)[0].Token);

        container.Token = new Orleans.Providers.Streams.Common.EventSequenceTokenV2(77);
        var copy = Serializer.Deserialize(Serializer.SerializeToArray(container));

        Assert.Equal(77, copy!.SequenceToken.SequenceNumber);
    }

    [Fact]
    public void An_empty_batch_decodes_to_no_containers()
    {
        Assert.Empty(BatchBodyCodec.Decode(Encode([]), Serializer));
    }

    [Theory]
    [InlineData(0)]   // nothing
    [InlineData(3)]   // inside the header
    [InlineData(12)]  // inside the first container
    public void A_truncated_body_is_malformed(int keep)
    {
        var body = Encode([new RabbitMqBatchContainer(StreamId.Create(TestStreams.Ticks, "AAPL"), [new Tick("AAPL", 1)], null)]);

        Assert.Throws<BatchBodyCodec.MalformedBodyException>(() => BatchBodyCodec.Decode(body.AsMemory(0, keep), Serializer));
    }

    [Fact]
    public void Trailing_bytes_and_unknown_versions_are_malformed()
    {
        var body = Encode([new RabbitMqBatchContainer(StreamId.Create(TestStreams.Ticks, "AAPL"), [new Tick("AAPL", 1)], null)]);
        var trailing = body.Concat(new byte[] { 1, 2, 3 }).ToArray();
        var otherVersion = body.ToArray();
        otherVersion[0] = 99;

        Assert.Throws<BatchBodyCodec.MalformedBodyException>(() => BatchBodyCodec.Decode(trailing, Serializer));
        Assert.Throws<BatchBodyCodec.MalformedBodyException>(() => BatchBodyCodec.Decode(otherVersion, Serializer));
    }

    [Fact]
    public void Garbage_inside_a_container_is_malformed_not_a_crash()
    {
        var body = Encode([new RabbitMqBatchContainer(StreamId.Create(TestStreams.Ticks, "AAPL"), [new Tick("AAPL", 1)], null)]);
        for (var i = 9; i < body.Length; i++) body[i] = 0xFF;

        Assert.Throws<BatchBodyCodec.MalformedBodyException>(() => BatchBodyCodec.Decode(body, Serializer));
    }
}
