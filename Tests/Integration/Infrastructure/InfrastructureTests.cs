using System.Text;
using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;
using StackExchange.Redis;

namespace Scanner.Tests.Integration.Infrastructure;

/// <summary>The real services scripts/infra.sh starts answer, and a test can take the broker away and back.</summary>
[Collection(BrokerOutageCollection.Name)]
public sealed class InfrastructureTests
{
    [Fact]
    public async Task Redis_stores_and_returns_a_value()
    {
        await using var redis = await ConnectionMultiplexer.ConnectAsync(TestInfrastructure.Redis);
        var database = redis.GetDatabase();
        var key = $"infrastructure-test:{Guid.NewGuid():N}";

        await database.StringSetAsync(key, "42", TimeSpan.FromMinutes(1));

        Assert.Equal("42", (string?)await database.StringGetAsync(key));
    }

    [Fact]
    public async Task RabbitMq_delivers_a_confirmed_message()
    {
        await using var connection = await ConnectAsync();

        Assert.Equal("round trip", await RoundTripAsync(connection, "round trip"));
    }

    [Fact]
    public async Task RabbitMq_refuses_connections_while_stopped_and_accepts_them_after_a_restart()
    {
        try
        {
            await RabbitMqBroker.StopAsync();

            await Assert.ThrowsAsync<BrokerUnreachableException>(ConnectAsync);
        }
        finally
        {
            await RabbitMqBroker.StartAsync();
        }

        await using var connection = await ConnectAsync();
        Assert.Equal("after restart", await RoundTripAsync(connection, "after restart"));
    }

    private static Task<IConnection> ConnectAsync() =>
        new ConnectionFactory { Uri = new Uri(TestInfrastructure.RabbitMq), AutomaticRecoveryEnabled = false }
            .CreateConnectionAsync();

    /// <summary>Publishes with a broker confirm into a private queue and reads the message back.</summary>
    private static async Task<string> RoundTripAsync(IConnection connection, string text)
    {
        await using var channel = await connection.CreateChannelAsync(
            new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true));
        var queue = await channel.QueueDeclareAsync(queue: "", durable: false, exclusive: true, autoDelete: true);

        await channel.BasicPublishAsync(exchange: "", routingKey: queue.QueueName, body: Encoding.UTF8.GetBytes(text));

        var message = await channel.BasicGetAsync(queue.QueueName, autoAck: true);
        Assert.NotNull(message);
        return Encoding.UTF8.GetString(message.Body.Span);
    }
}
