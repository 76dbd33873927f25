using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Orleans.Streaming.RabbitMQ;

/// <summary>
/// The silo's broker connections, one per URI, shared by all stream providers (each uses its own channels), and
/// one dead-letter monitor per URI and queue prefix. A DI singleton; disposing it closes everything.
/// </summary>
internal sealed class RabbitMqConnectionRegistry(ILoggerFactory loggerFactory, RabbitMqStreamStatusBoard statusBoard) : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, Lazy<RabbitMqConnection>> _connections = new();
    private readonly ConcurrentDictionary<string, Lazy<DeadLetterMonitor>> _monitors = new();

    /// <summary>The shared connection to the broker of <paramref name="options"/>; the first caller's backoff settings win.</summary>
    public RabbitMqConnection GetConnection(RabbitMqStreamOptions options) =>
        _connections.GetOrAdd(Key(options), _ => new Lazy<RabbitMqConnection>(() => new RabbitMqConnection(
            options.Uri!, options.ReconnectBackoffMin, options.ReconnectBackoffMax,
            loggerFactory.CreateLogger<RabbitMqConnection>()))).Value;

    /// <summary>Starts (once) the dead-letter monitor for the broker and prefix of <paramref name="topology"/>.</summary>
    public void EnsureDeadLetterMonitor(RabbitMqStreamOptions options, RabbitMqTopology topology) =>
        _ = _monitors.GetOrAdd($"{Key(options)}|{options.QueuePrefix}", _ => new Lazy<DeadLetterMonitor>(() => new DeadLetterMonitor(
            GetConnection(options), topology, statusBoard, loggerFactory.CreateLogger<DeadLetterMonitor>()))).Value;

    private static string Key(RabbitMqStreamOptions options) => options.Uri!.AbsoluteUri;

    public async ValueTask DisposeAsync()
    {
        foreach (var monitor in _monitors.Values.Where(m => m.IsValueCreated))
            await monitor.Value.DisposeAsync().ConfigureAwait(false);
        foreach (var connection in _connections.Values.Where(c => c.IsValueCreated))
            await connection.Value.DisposeAsync().ConfigureAwait(false);
    }
}
