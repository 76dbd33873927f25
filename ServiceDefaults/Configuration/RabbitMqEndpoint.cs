namespace Scanner.ServiceDefaults.Configuration;

/// <summary>
/// Reads a RabbitMQ endpoint given as an AMQP URI (<c>amqp://</c>, <c>amqps://</c>; the client picks the scheme's
/// port when none is given) or as <c>host[:port]</c> (user guest, vhost /).
/// </summary>
public static class RabbitMqEndpoint
{
    public static Uri ToUri(string endpoint)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(endpoint);
        var text = endpoint.Contains("://", StringComparison.Ordinal) ? endpoint : $"amqp://guest:guest@{endpoint}/";
        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || uri.Scheme is not ("amqp" or "amqps") || uri.Host.Length == 0)
        {
            throw new FormatException($"A RabbitMQ endpoint must be amqp://user:pass@host:port/vhost, amqps://... or host:port; got: {RedisEndpoint.Redact(endpoint)}");
        }
        return uri;
    }
}
