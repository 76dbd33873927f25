using Microsoft.Extensions.Options;

namespace Orleans.Streaming.RabbitMQ;

/// <summary>Checks the named <see cref="RabbitMqStreamOptions"/> of each provider at start-up, with messages that say what to fix.</summary>
internal sealed class RabbitMqStreamOptionsValidator : IValidateOptions<RabbitMqStreamOptions>
{
    public ValidateOptionsResult Validate(string? name, RabbitMqStreamOptions options)
    {
        var provider = string.IsNullOrEmpty(name) ? "(unnamed)" : name;
        var failures = new List<string>();
        void Fail(string message) => failures.Add($"RabbitMQ stream provider '{provider}': {message}");

        if (options.Uri is null)
            Fail("Uri is required (amqp://user:pass@host:port/vhost).");
        else if (!options.Uri.IsAbsoluteUri || options.Uri.Scheme is not ("amqp" or "amqps"))
            Fail($"Uri '{options.Uri}' must be an absolute amqp:// or amqps:// URI.");
        if (string.IsNullOrWhiteSpace(options.QueuePrefix) || options.QueuePrefix.Any(char.IsWhiteSpace))
            Fail("QueuePrefix must be a non-empty name without spaces.");
        if (options.QueueCount is < 1 or > 1024)
            Fail($"QueueCount must be between 1 and 1024 (was {options.QueueCount}); it is fixed per deployment.");
        if (options.MessageTtl is { } ttl && (ttl < TimeSpan.Zero || ttl.TotalMilliseconds > int.MaxValue))
            Fail($"MessageTtl must be zero, null or a positive time below 24 days (was {ttl}).");
        if (options.Prefetch is 0)
            Fail("Prefetch must be at least 1, or null for the default sized to the cache.");
        if (options.ReceiveBufferContainers < 1)
            Fail($"ReceiveBufferContainers must be at least 1 (was {options.ReceiveBufferContainers}).");
        if (options.MaxBatchBytes < 1024)
            Fail($"MaxBatchBytes must be at least 1024 (was {options.MaxBatchBytes}).");
        if (options.MaxBatchContainers < 1)
            Fail($"MaxBatchContainers must be at least 1 (was {options.MaxBatchContainers}).");
        if (options.MaxPendingPublishBytes < options.MaxBatchBytes)
            Fail($"MaxPendingPublishBytes ({options.MaxPendingPublishBytes}) must be at least MaxBatchBytes ({options.MaxBatchBytes}).");
        if (options.PublishConfirmTimeout <= TimeSpan.Zero)
            Fail($"PublishConfirmTimeout must be positive (was {options.PublishConfirmTimeout}).");
        if (options.MaxOutstandingConfirms < 1)
            Fail($"MaxOutstandingConfirms must be at least 1 (was {options.MaxOutstandingConfirms}).");
        if (options.DeadLetterQueueMaxLength < 1)
            Fail($"DeadLetterQueueMaxLength must be at least 1 (was {options.DeadLetterQueueMaxLength}).");
        if (options.ReconnectBackoffMin <= TimeSpan.Zero || options.ReconnectBackoffMax < options.ReconnectBackoffMin)
            Fail($"ReconnectBackoffMin ({options.ReconnectBackoffMin}) must be positive and not above ReconnectBackoffMax ({options.ReconnectBackoffMax}).");
        if (!Enum.IsDefined(options.UndeliveredPolicy))
            Fail($"UndeliveredPolicy '{options.UndeliveredPolicy}' is not one of {string.Join(", ", Enum.GetNames<UndeliveredPolicy>())}.");

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
