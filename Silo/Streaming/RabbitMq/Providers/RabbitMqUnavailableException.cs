namespace Scanner.Silo.Streaming.RabbitMq;

/// <summary>The broker cannot take the message now (disconnected, channel lost, or too much waiting); the caller may retry later.</summary>
public sealed class RabbitMqUnavailableException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>The broker refused a message it was reachable for (negative confirm, or returned as unroutable).</summary>
public sealed class RabbitMqPublishRejectedException(string message, Exception? inner = null) : Exception(message, inner);
