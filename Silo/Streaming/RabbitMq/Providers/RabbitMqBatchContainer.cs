using Orleans.Providers.Streams.Common;
using Orleans.Streams;

namespace Scanner.Silo.Streaming.RabbitMq;

/// <summary>
/// The events of one <c>QueueMessageBatchAsync</c> call. Many containers travel in one AMQP message
/// (<see cref="BatchBodyCodec"/>); the receiver gives each one an ordered sequence token on arrival.
/// </summary>
[GenerateSerializer, Alias("scanner.rmq.batch")]
public sealed class RabbitMqBatchContainer : IBatchContainer
{
    public RabbitMqBatchContainer(StreamId streamId, object[] events, Dictionary<string, object>? requestContext)
    {
        StreamId = streamId;
        Events = events;
        RequestContext = requestContext;
    }

    [Id(0)]
    public StreamId StreamId { get; }

    [Id(1)]
    public object[] Events { get; }

    [Id(2)]
    public Dictionary<string, object>? RequestContext { get; }

    /// <summary>Assigned by the receiver, never serialized: its order is the order of arrival in this silo.</summary>
    [field: NonSerialized]
    public EventSequenceTokenV2 Token { get; set; } = new(0);

    public StreamSequenceToken SequenceToken => Token;

    public IEnumerable<Tuple<T, StreamSequenceToken>> GetEvents<T>()
    {
        for (var i = 0; i < Events.Length; i++)
        {
            if (Events[i] is T item)
                yield return Tuple.Create(item, (StreamSequenceToken)Token.CreateSequenceTokenForEvent(i));
        }
    }

    public bool ImportRequestContext()
    {
        if (RequestContext is null) return false;
        RequestContextExtensions.Import(RequestContext);
        return true;
    }

    public override string ToString() => $"[RabbitMqBatchContainer {StreamId} events={Events.Length} token={Token}]";
}
