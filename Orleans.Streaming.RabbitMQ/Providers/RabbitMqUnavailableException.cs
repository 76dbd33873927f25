namespace Orleans.Streaming.RabbitMQ;

/// <summary>The broker cannot take the message now (disconnected, channel lost, or too much waiting); the caller may retry later.</summary>
public sealed class RabbitMqUnavailableException(string message, Exception? inner = null) : Exception(message, inner);
