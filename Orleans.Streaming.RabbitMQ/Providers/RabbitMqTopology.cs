using RabbitMQ.Client;

namespace Orleans.Streaming.RabbitMQ;

/// <summary>
/// Names and declarations of a provider's broker objects: queues <c>{prefix}-{provider}-{i}</c> dead-lettering
/// to the fanout exchange <c>{prefix}.dlx</c>, bound to the bounded queue <c>{prefix}-dead-letter</c>.
/// Declarations are idempotent: every channel declares what it uses when it opens (also after a reconnect).
/// </summary>
internal sealed class RabbitMqTopology(string providerName, RabbitMqStreamOptions options)
{
    public string Prefix => options.QueuePrefix;
    public string DeadLetterExchange => DeadLetterExchangeOf(options.QueuePrefix);
    public string DeadLetterQueue => DeadLetterQueueOf(options.QueuePrefix);

    public static string DeadLetterExchangeOf(string prefix) => $"{prefix}.dlx";
    public static string DeadLetterQueueOf(string prefix) => $"{prefix}-dead-letter";

    public string QueueName(int index) => $"{options.QueuePrefix}-{providerName}-{index}";

    public static bool BelongsTo(string queueName, string prefix, string providerName) =>
        queueName.Length > prefix.Length + providerName.Length + 2
        && queueName.StartsWith(prefix, StringComparison.Ordinal)
        && queueName[prefix.Length] == '-'
        && queueName.AsSpan(prefix.Length + 1).StartsWith(providerName, StringComparison.Ordinal)
        && queueName[prefix.Length + 1 + providerName.Length] == '-'
        && int.TryParse(queueName.AsSpan(prefix.Length + providerName.Length + 2), out _);

    /// <summary>
    /// Declares the dead-letter exchange and queue, shared by every provider with this prefix. They are never
    /// durable, so providers that differ in <see cref="RabbitMqStreamOptions.Durable"/> can share them: they only count.
    /// </summary>
    public async Task DeclareDeadLetterAsync(IChannel channel, CancellationToken cancellationToken)
    {
        await channel.ExchangeDeclareAsync(DeadLetterExchange, ExchangeType.Fanout, durable: false, autoDelete: false,
            cancellationToken: cancellationToken).ConfigureAwait(false);
        var arguments = new Dictionary<string, object?>
        {
            ["x-max-length"] = options.DeadLetterQueueMaxLength,
            ["x-overflow"] = "drop-head",
        };
        await channel.QueueDeclareAsync(DeadLetterQueue, durable: false, exclusive: false, autoDelete: false, arguments,
            cancellationToken: cancellationToken).ConfigureAwait(false);
        await channel.QueueBindAsync(DeadLetterQueue, DeadLetterExchange, routingKey: "", cancellationToken: cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Declares queue <paramref name="index"/> and the dead-letter objects it points at.</summary>
    public async Task DeclareQueueAsync(IChannel channel, int index, CancellationToken cancellationToken)
    {
        await DeclareDeadLetterAsync(channel, cancellationToken).ConfigureAwait(false);
        var arguments = new Dictionary<string, object?> { ["x-dead-letter-exchange"] = DeadLetterExchange };
        await channel.QueueDeclareAsync(QueueName(index), durable: options.Durable, exclusive: false, autoDelete: false, arguments,
            cancellationToken: cancellationToken).ConfigureAwait(false);
    }
}
