using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace Orleans.Streaming.RabbitMQ;

/// <summary>
/// The status of every RabbitMQ stream provider of this silo (a DI singleton), and their metrics under the
/// meter <c>Orleans.Streaming.RabbitMQ</c>, tagged with the provider name.
/// </summary>
public sealed class RabbitMqStreamStatusBoard : IDisposable
{
    public const string MeterName = "Orleans.Streaming.RabbitMQ";

    private readonly ConcurrentDictionary<string, RabbitMqStreamStatus> _providers = new();
    private readonly Meter _meter;

    public RabbitMqStreamStatusBoard(IMeterFactory meterFactory)
    {
        _meter = meterFactory.Create(MeterName);
        Counter("rabbitmq.published.messages", "{message}", s => s.PublishedMessages);
        Counter("rabbitmq.published.containers", "{container}", s => s.PublishedContainers);
        Counter("rabbitmq.published.events", "{event}", s => s.PublishedEvents);
        Counter("rabbitmq.published.bytes", "By", s => s.PublishedBytes);
        Counter("rabbitmq.confirmed.containers", "{container}", s => s.ConfirmedContainers);
        Counter("rabbitmq.failed.containers", "{container}", s => s.FailedContainers);
        Counter("rabbitmq.received.messages", "{message}", s => s.ReceivedMessages);
        Counter("rabbitmq.received.containers", "{container}", s => s.ReceivedContainers);
        Counter("rabbitmq.malformed.messages", "{message}", s => s.MalformedMessages);
        Counter("rabbitmq.acked.messages", "{message}", s => s.AckedMessages);
        Counter("rabbitmq.nacked.messages", "{message}", s => s.NackedMessages);
        Counter("rabbitmq.dropped.messages", "{message}", s => s.DroppedMessages);
        _meter.CreateObservableCounter("rabbitmq.deadlettered.messages", () =>
            _providers.Values.SelectMany(s => s.DeadLettered.Select(kv =>
                new Measurement<long>(kv.Value, new("provider", s.ProviderName), new("reason", kv.Key)))), "{message}");
        _meter.CreateObservableGauge("rabbitmq.buffered.containers", () =>
            _providers.Values.Select(s => new Measurement<long>(s.Buffered, new KeyValuePair<string, object?>("provider", s.ProviderName))), "{container}");
        _meter.CreateObservableGauge("rabbitmq.receivers", () =>
            _providers.Values.Select(s => new Measurement<int>(s.Receivers, new KeyValuePair<string, object?>("provider", s.ProviderName))), "{queue}");
        _meter.CreateObservableGauge("rabbitmq.connected", () =>
            _providers.Values.Select(s => new Measurement<int>(s.Connected ? 1 : 0, new KeyValuePair<string, object?>("provider", s.ProviderName))));
    }

    /// <summary>All providers registered in this silo so far.</summary>
    public IReadOnlyCollection<RabbitMqStreamStatus> All => _providers.Values.OrderBy(s => s.ProviderName).ToList();

    /// <summary>The status of provider <paramref name="providerName"/> (created on first use).</summary>
    public RabbitMqStreamStatus Get(string providerName) => _providers.GetOrAdd(providerName, static n => new RabbitMqStreamStatus(n));

    /// <summary>The provider owning queue <paramref name="queueName"/> (<c>{prefix}-{provider}-{i}</c>), if any.</summary>
    internal RabbitMqStreamStatus? FindByQueue(string queueName, string prefix)
    {
        foreach (var status in _providers.Values)
        {
            if (RabbitMqTopology.BelongsTo(queueName, prefix, status.ProviderName))
                return status;
        }
        return null;
    }

    private void Counter(string name, string unit, Func<RabbitMqStreamStatus, long> read) =>
        _meter.CreateObservableCounter(name, () =>
            _providers.Values.Select(s => new Measurement<long>(read(s), new KeyValuePair<string, object?>("provider", s.ProviderName))), unit);

    public void Dispose() => _meter.Dispose();
}
