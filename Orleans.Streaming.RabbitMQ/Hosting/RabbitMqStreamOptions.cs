namespace Orleans.Streaming.RabbitMQ;

/// <summary>
/// Options of one RabbitMQ stream provider (named by the provider name). The queue count and prefix are part of
/// the data contract between silos: every silo of a deployment must use the same values.
/// </summary>
public sealed class RabbitMqStreamOptions
{
    public const string DefaultQueuePrefix = "orleans";
    public const int DefaultQueueCount = 8;

    /// <summary>The broker, <c>amqp://user:pass@host:port/vhost</c>. Providers with the same URI share one connection.</summary>
    public Uri? Uri { get; set; }

    /// <summary>Queues are named <c>{prefix}-{provider}-{i}</c>; the dead-letter exchange <c>{prefix}.dlx</c>.</summary>
    public string QueuePrefix { get; set; } = DefaultQueuePrefix;

    /// <summary>Number of queues (and pulling agents) of this provider. Fixed per deployment.</summary>
    public int QueueCount { get; set; } = DefaultQueueCount;

    /// <summary>Per-message time to live: a message older than this is dead-lettered (and counted), not processed. Null or zero: none.</summary>
    public TimeSpan? MessageTtl { get; set; } = TimeSpan.FromMilliseconds(5_000);

    /// <summary>False: non-durable queues and transient delivery. True: durable queues and persistent delivery.</summary>
    public bool Durable { get; set; }

    /// <summary>Unacked deliveries per receiver (each delivery holds many containers). Null: sized to the cache.</summary>
    public ushort? Prefetch { get; set; }

    /// <summary>Bound of containers a receiver holds between the broker and the pulling agent.</summary>
    public int ReceiveBufferContainers { get; set; } = 16_384;

    /// <summary>Largest AMQP message body the publisher builds from queued containers.</summary>
    public int MaxBatchBytes { get; set; } = 256 * 1024;

    /// <summary>Most containers in one AMQP message.</summary>
    public int MaxBatchContainers { get; set; } = 1_000;

    /// <summary>Bytes a queue's publisher may hold waiting for the broker before callers get <see cref="RabbitMqUnavailableException"/>.</summary>
    public int MaxPendingPublishBytes { get; set; } = 16 * 1024 * 1024;

    /// <summary>How long a publish may wait for its broker confirm before its callers get <see cref="RabbitMqUnavailableException"/>.</summary>
    public TimeSpan PublishConfirmTimeout { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>Publisher confirms outstanding per channel.</summary>
    public int MaxOutstandingConfirms { get; set; } = 256;

    /// <summary>What becomes of a delivery holding a container Orleans gave up delivering.</summary>
    public UndeliveredPolicy UndeliveredPolicy { get; set; } = UndeliveredPolicy.DeadLetter;

    /// <summary>Dead-letter queue bound (<c>x-max-length</c>, oldest dropped first).</summary>
    public int DeadLetterQueueMaxLength { get; set; } = 10_000;

    /// <summary>First delay before reconnecting to the broker; it doubles per failed attempt (jittered) up to <see cref="ReconnectBackoffMax"/>.</summary>
    public TimeSpan ReconnectBackoffMin { get; set; } = TimeSpan.FromMilliseconds(200);
    /// <summary>Longest delay between reconnection attempts.</summary>
    public TimeSpan ReconnectBackoffMax { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>The prefetch in effect: the configured one, else enough deliveries to keep a cache of <paramref name="cacheSize"/> fed.</summary>
    public ushort EffectivePrefetch(int cacheSize) => Prefetch ?? (ushort)Math.Clamp(cacheSize / 16, 16, 1024);
}
