using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Orleans.Configuration;
using Orleans.Providers.Streams.Common;
using Orleans.Serialization;
using Orleans.Streams;

namespace Orleans.Streaming.RabbitMQ;

/// <summary>
/// Builds the pieces of one RabbitMQ stream provider: the adapter (sharing the silo's connection to the broker),
/// a <see cref="HashRingBasedStreamQueueMapper"/> over <see cref="RabbitMqStreamOptions.QueueCount"/> queues, and
/// a <see cref="SimpleQueueAdapterCache"/>. Delivery failures are not handled by Orleans here: the receiver
/// nacks or drops what was not delivered.
/// </summary>
internal sealed class RabbitMqAdapterFactory : IQueueAdapterFactory
{
    /// <summary>How long creating the adapter waits for a first connection; the silo starts without one anyway.</summary>
    private static readonly TimeSpan FirstConnectWait = TimeSpan.FromSeconds(5);

    private readonly string _name;
    private readonly RabbitMqStreamOptions _options;
    private readonly RabbitMqConnectionRegistry _registry;
    private readonly RabbitMqStreamStatus _status;
    private readonly Serializer<RabbitMqBatchContainer> _serializer;
    private readonly ILoggerFactory _loggerFactory;
    private readonly HashRingBasedStreamQueueMapper _mapper;
    private readonly SimpleQueueAdapterCache _cache;
    private readonly ushort _prefetch;
    private readonly bool _monitorDeadLetters;

    private RabbitMqAdapterFactory(string name, RabbitMqStreamOptions options, SimpleQueueCacheOptions cacheOptions,
        HashRingStreamQueueMapperOptions mapperOptions, IServiceProvider services, bool monitorDeadLetters)
    {
        _name = name;
        _monitorDeadLetters = monitorDeadLetters;
        _options = options;
        _registry = services.GetRequiredService<RabbitMqConnectionRegistry>();
        _status = services.GetRequiredService<RabbitMqStreamStatusBoard>().Get(name);
        _serializer = services.GetRequiredService<Serializer<RabbitMqBatchContainer>>();
        _loggerFactory = services.GetRequiredService<ILoggerFactory>();
        _mapper = new HashRingBasedStreamQueueMapper(mapperOptions, name);
        _cache = new SimpleQueueAdapterCache(cacheOptions, name, _loggerFactory);
        _prefetch = options.EffectivePrefetch(cacheOptions.CacheSize);
    }

    /// <summary>The factory a silo calls for provider <paramref name="name"/> (see <c>AddPersistentStreams</c>).</summary>
    public static RabbitMqAdapterFactory Create(IServiceProvider services, string name) => Create(services, name, monitorDeadLetters: true);

    /// <summary>The factory of a client: it only publishes, and leaves counting dead letters to the silos.</summary>
    public static RabbitMqAdapterFactory CreateForClient(IServiceProvider services, string name) => Create(services, name, monitorDeadLetters: false);

    private static RabbitMqAdapterFactory Create(IServiceProvider services, string name, bool monitorDeadLetters) => new(
        name,
        services.GetOptionsByName<RabbitMqStreamOptions>(name),
        services.GetOptionsByName<SimpleQueueCacheOptions>(name),
        services.GetOptionsByName<HashRingStreamQueueMapperOptions>(name),
        services,
        monitorDeadLetters);

    public async Task<IQueueAdapter> CreateAdapter()
    {
        var connection = _registry.GetConnection(_options);
        var topology = new RabbitMqTopology(_name, _options);
        _status.BindConnection(() => connection.Current is not null);
        if (_monitorDeadLetters) _registry.EnsureDeadLetterMonitor(_options, topology);
        await connection.WaitConnectedAsync(FirstConnectWait).ConfigureAwait(false);
        return new RabbitMqAdapter(_name, topology, connection, _options, _prefetch, _serializer, _status, _mapper, _loggerFactory);
    }

    public IQueueAdapterCache GetQueueAdapterCache() => _cache;

    public IStreamQueueMapper GetStreamQueueMapper() => _mapper;

    public Task<IStreamFailureHandler> GetDeliveryFailureHandler(QueueId queueId) =>
        Task.FromResult<IStreamFailureHandler>(new NoOpStreamDeliveryFailureHandler());
}
