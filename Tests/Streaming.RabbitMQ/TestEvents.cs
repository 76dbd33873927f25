namespace Scanner.Tests.Streaming.RabbitMQ;

/// <summary>The two stream providers (and stream namespaces) the tests register.</summary>
public static class TestStreams
{
    public const string Ticks = "ticks";
    public const string Marks = "marks";

    public static readonly IReadOnlyList<string> All = [Ticks, Marks];
}

/// <summary>What the tests publish: the provider knows nothing of these types, as it knows nothing of a real app's.</summary>
[GenerateSerializer, Alias("rabbitmq.tests.event")]
public abstract record TestEvent([property: Id(0)] string Key);

/// <summary>An event whose <paramref name="Sequence"/> identifies it in a consumer's record; a negative one is poison.</summary>
[GenerateSerializer, Alias("rabbitmq.tests.tick")]
public sealed record Tick(string Key, [property: Id(0)] long Sequence) : TestEvent(Key)
{
    /// <summary>A tick the probe grain refuses (it throws), to play a failing consumer.</summary>
    public static Tick Poison(string key) => new(key, -1);

    public bool IsPoison => Sequence < 0;
}

/// <summary>A second event type, to mix types in one container and one stream namespace per type.</summary>
[GenerateSerializer, Alias("rabbitmq.tests.mark")]
public sealed record Mark(string Key, [property: Id(0)] long Start) : TestEvent(Key);
