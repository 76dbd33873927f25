namespace Scanner.Tests.Support.Infrastructure;

/// <summary>
/// Where the real Redis and RabbitMQ of this test run are. `scripts/infra.sh up` starts both on free loopback
/// ports and exports these variables; `scripts/test.sh` does that around the test run.
/// </summary>
public static class TestInfrastructure
{
    public const string RedisVariable = "SCANNER_TEST_REDIS";
    public const string RabbitMqVariable = "SCANNER_TEST_RABBITMQ";
    public const string RabbitMqNodeVariable = "SCANNER_TEST_RABBITMQ_NODE";
    public const string RabbitMqCtlVariable = "SCANNER_TEST_RABBITMQ_CTL";

    /// <summary>Redis endpoint, <c>host:port</c>.</summary>
    public static string Redis => Require(RedisVariable);

    /// <summary>RabbitMQ AMQP URI, <c>amqp://user:pass@host:port/vhost</c>.</summary>
    public static string RabbitMq => Require(RabbitMqVariable);

    /// <summary>The broker's Erlang node name (<c>rabbitmqctl -n</c>).</summary>
    public static string RabbitMqNode => Require(RabbitMqNodeVariable);

    /// <summary>An executable that runs rabbitmqctl against this run's broker; see <see cref="RabbitMqBroker"/>.</summary>
    public static string RabbitMqCtl => Require(RabbitMqCtlVariable);

    private static string Require(string variable) =>
        Environment.GetEnvironmentVariable(variable) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException(
                $"{variable} is not set: integration tests need the real Redis and RabbitMQ. Run them with scripts/test.sh, " +
                "or start the services with `eval \"$(scripts/infra.sh up)\"` first.");
}
