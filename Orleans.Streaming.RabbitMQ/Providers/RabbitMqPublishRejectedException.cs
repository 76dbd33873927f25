namespace Orleans.Streaming.RabbitMQ;

/// <summary>The broker refused a message it was reachable for (negative confirm, or returned as unroutable).</summary>
public sealed class RabbitMqPublishRejectedException(string message, Exception? inner = null) : Exception(message, inner);
