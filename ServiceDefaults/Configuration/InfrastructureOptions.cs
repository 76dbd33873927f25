namespace Scanner.ServiceDefaults.Configuration;

/// <summary>
/// Where the shared infrastructure is, for every process (section <c>Infrastructure</c>; <c>REDIS_URL</c> and
/// <c>RABBITMQ_URL</c> are its aliases). Read through <see cref="RedisEndpoint"/> and <see cref="RabbitMqEndpoint"/>,
/// the one way each is parsed.
/// </summary>
public sealed class InfrastructureOptions
{
    public const string Section = "Infrastructure";

    public const string DefaultRedis = "127.0.0.1:6379";

    /// <summary>
    /// Redis for clustering and grain state: <c>redis://[user:pass@]host[:port][/db]</c>, <c>rediss://...</c> or
    /// <c>host:port</c>. Unset: the silo uses <see cref="DefaultRedis"/>, the gateway localhost clustering.
    /// </summary>
    public string? Redis { get; set; }

    /// <summary>The RabbitMQ broker of the market data streams: <c>amqp://user:pass@host:port/vhost</c>, <c>amqps://...</c> or <c>host:port</c>.</summary>
    public string RabbitMq { get; set; } = "amqp://guest:guest@127.0.0.1:5672/";

    /// <summary>The Orleans cluster (silos and the gateway's client must agree on both ids).</summary>
    public string ClusterId { get; set; } = "scanner";

    public string ServiceId { get; set; } = "scanner";

    /// <summary>Mutual TLS on the Orleans silo and gateway ports; off unless configured.</summary>
    public ClusterTlsOptions Tls { get; set; } = new();

    /// <summary>The StackExchange.Redis configuration string of <see cref="Redis"/> (or the default endpoint).</summary>
    public string RedisConfiguration => RedisEndpoint.ToConfiguration(Redis ?? DefaultRedis);

    public Uri RabbitMqUri => RabbitMqEndpoint.ToUri(RabbitMq);
}
