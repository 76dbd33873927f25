namespace Scanner.Hydration;

/// <summary>Reference data could not be loaded (the service failed, timed out, or does not know the symbol).</summary>
public sealed class HydrationException(string message, Exception? inner = null) : Exception(message, inner);
