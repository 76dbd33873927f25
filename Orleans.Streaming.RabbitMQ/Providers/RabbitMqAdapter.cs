using Microsoft.Extensions.Logging;
using Orleans.Serialization;
using Orleans.Streams;

namespace Orleans.Streaming.RabbitMQ;

/// <summary>
/// The queue adapter of one provider: maps a stream to its queue and hands one container per
/// <see cref="QueueMessageBatchAsync"/> call to that queue's <see cref="QueuePublisher"/>; creates the receivers.
/// Not rewindable: delivery is at-least-once at best, and stale data expires.
/// </summary>
internal sealed class RabbitMqAdapter : IQueueAdapter
{
    private readonly RabbitMqTopology _topology;
    private readonly RabbitMqConnection _connection;
    private readonly RabbitMqStreamOptions _options;
    private readonly ushort _prefetch;
    private readonly Serializer<RabbitMqBatchContainer> _serializer;
    private readonly RabbitMqStreamStatus _status;
    private readonly IStreamQueueMapper _mapper;
    private readonly ILoggerFactory _loggerFactory;
    private readonly QueuePublisher[] _publishers;

    public RabbitMqAdapter(string name, RabbitMqTopology topology, RabbitMqConnection connection, RabbitMqStreamOptions options, ushort prefetch,
        Serializer<RabbitMqBatchContainer> serializer, RabbitMqStreamStatus status, IStreamQueueMapper mapper, ILoggerFactory loggerFactory)
    {
        Name = name;
        _topology = topology;
        _connection = connection;
        _options = options;
        _prefetch = prefetch;
        _serializer = serializer;
        _status = status;
        _mapper = mapper;
        _loggerFactory = loggerFactory;
        var publisherLogger = loggerFactory.CreateLogger<QueuePublisher>();
        _publishers = Enumerable.Range(0, options.QueueCount)
            .Select(i => new QueuePublisher(i, topology, connection, options, serializer, status, publisherLogger))
            .ToArray();
    }

    public string Name { get; }
    public bool IsRewindable => false;
    public StreamProviderDirection Direction => StreamProviderDirection.ReadWrite;

    public Task QueueMessageBatchAsync<T>(StreamId streamId, IEnumerable<T> events, StreamSequenceToken? token, Dictionary<string, object>? requestContext)
    {
        if (token is not null)
            return Task.FromException(new NotSupportedException($"RabbitMQ stream provider '{Name}' is not rewindable and takes no sequence token."));
        var container = new RabbitMqBatchContainer(streamId, ToObjects(events), requestContext);
        var queue = _mapper.GetQueueForStream(streamId).GetNumericId();
        return _publishers[queue].PublishAsync(container);
    }

    private static object[] ToObjects<T>(IEnumerable<T> events)
    {
        if (events is IReadOnlyList<T> list)
        {
            var result = new object[list.Count];
            for (var i = 0; i < result.Length; i++) result[i] = list[i]!;
            return result;
        }
        return events.Select(static e => (object)e!).ToArray();
    }

    public IQueueAdapterReceiver CreateReceiver(QueueId queueId) =>
        new RabbitMqQueueReceiver((int)queueId.GetNumericId(), _topology, _connection, _options, _prefetch, _serializer, _status,
            _loggerFactory.CreateLogger<RabbitMqQueueReceiver>());
}
