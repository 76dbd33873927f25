using RabbitMQ.Client;

namespace Scanner.Tests.Support.Infrastructure;

/// <summary>
/// This run's real broker: takes it away and brings it back, for tests of what happens when RabbitMQ dies, and
/// cleans up its queues.
/// <see cref="StopAsync"/> stops the RabbitMQ application (every AMQP connection drops, the port refuses new ones);
/// <see cref="StartAsync"/> starts it again on the same port, with its durable queues. The Erlang node stays up.
/// Tests that call these share the broker with every other test: put them in a test collection that runs alone
/// (<c>[CollectionDefinition(..., DisableParallelization = true)]</c>).
/// </summary>
public static class RabbitMqBroker
{
    public static Uri Uri => new(TestInfrastructure.RabbitMq);

    public static Task StopAsync() => InfrastructureCommand.RunAsync(TestInfrastructure.RabbitMqCtl, "stop_app");

    public static Task StartAsync() => InfrastructureCommand.RunAsync(TestInfrastructure.RabbitMqCtl, "start_app");

    /// <summary>Messages ready and unacknowledged, summed over the queues whose names start with <paramref name="prefix"/>, as the broker counts them.</summary>
    public static async Task<(long Ready, long Unacknowledged)> QueueDepthsAsync(string prefix)
    {
        long ready = 0, unacknowledged = 0;
        var listing = await InfrastructureCommand.RunAsync(
            TestInfrastructure.RabbitMqCtl, "list_queues", "-q", "--no-table-headers", "name", "messages_ready", "messages_unacknowledged");
        foreach (var line in listing.Split('\n'))
        {
            if (line.Split((char[])['\t', ' '], StringSplitOptions.RemoveEmptyEntries) is [var name, var r, var u] && name.StartsWith(prefix, StringComparison.Ordinal))
            {
                ready += long.Parse(r, System.Globalization.CultureInfo.InvariantCulture);
                unacknowledged += long.Parse(u, System.Globalization.CultureInfo.InvariantCulture);
            }
        }
        return (ready, unacknowledged);
    }

    /// <summary>Deletes the queues and exchange of a test's prefix, so runs do not pile up on the broker.</summary>
    public static async Task DeleteAsync(string prefix, IEnumerable<string> queues)
    {
        try
        {
            await using var connection = await new ConnectionFactory { Uri = Uri }.CreateConnectionAsync();
            await using var channel = await connection.CreateChannelAsync();
            foreach (var queue in queues.Append($"{prefix}-dead-letter"))
            {
                await channel.QueueDeleteAsync(queue);
            }
            await channel.ExchangeDeleteAsync($"{prefix}.dlx");
        }
        catch (Exception)
        {
            // Best effort: a broker that is gone has nothing left to clean.
        }
    }
}
