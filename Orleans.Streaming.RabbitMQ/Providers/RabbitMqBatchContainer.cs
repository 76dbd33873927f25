using Orleans.Providers.Streams.Common;
using Orleans.Streams;

namespace Orleans.Streaming.RabbitMQ;

/// <summary>
/// The events of one <c>QueueMessageBatchAsync</c> call. Many containers travel in one AMQP message
/// (<see cref="BatchBodyCodec"/>); the receiver gives each one an ordered sequence token on arrival, before Orleans
/// sees it. From then on it is never changed, hence <c>[Immutable]</c>: delivery to a grain in the same silo skips
/// the deep copy.
/// </summary>
[GenerateSerializer, Immutable, Alias("orleans.rabbitmq.batch")]
internal sealed class RabbitMqBatchContainer : IBatchContainer
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

    /// <summary>
    /// Assigned by the receiver (null on the way to the broker): its order is the order of arrival at that receiver.
    /// Serialized because Orleans copies the container to consumers in other silos.
    /// </summary>
    [Id(3)]
    public EventSequenceTokenV2? Token { get; set; }

    public StreamSequenceToken SequenceToken => Token ?? throw new InvalidOperationException("The receiver has not assigned a sequence token yet.");

    public IEnumerable<Tuple<T, StreamSequenceToken>> GetEvents<T>()
    {
        var token = (EventSequenceTokenV2)SequenceToken;
        for (var i = 0; i < Events.Length; i++)
        {
            if (Events[i] is T item)
                yield return Tuple.Create(item, (StreamSequenceToken)token.CreateSequenceTokenForEvent(i));
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
