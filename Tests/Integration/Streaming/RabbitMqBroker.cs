using System.Diagnostics;
using RabbitMQ.Client;
using Scanner.Tests.Integration.Infrastructure;

namespace Scanner.Tests.Integration.Streaming;

/// <summary>
/// The real broker of the test run (<see cref="TestInfrastructure.RabbitMq"/>), and control over it for the
/// restart test: <c>SCANNER_TEST_RABBITMQ_CTL</c> (an executable running rabbitmqctl against the broker, exported by
/// <c>scripts/infra.sh up</c>) or else <c>rabbitmqctl -n $SCANNER_TEST_RABBITMQ_NODE</c>.
/// </summary>
internal static class RabbitMqBroker
{
    public const string CtlVariable = "SCANNER_TEST_RABBITMQ_CTL";
    public const string NodeVariable = "SCANNER_TEST_RABBITMQ_NODE";

    public static Uri Uri => new(TestInfrastructure.RabbitMq);

    /// <summary>Runs a rabbitmqctl command (stop_app, start_app, await_startup) against the test broker.</summary>
    public static async Task CtlAsync(params string[] arguments)
    {
        var ctl = Environment.GetEnvironmentVariable(CtlVariable);
        var node = Environment.GetEnvironmentVariable(NodeVariable);
        var start = ctl is { Length: > 0 } ? new ProcessStartInfo(ctl)
            : node is { Length: > 0 } ? new ProcessStartInfo("rabbitmqctl") { ArgumentList = { "-n", node } }
            : throw new InvalidOperationException(
                $"Set {CtlVariable} (or {NodeVariable}) to control the test broker: scripts/infra.sh up exports both.");
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        start.RedirectStandardOutput = start.RedirectStandardError = true;
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        await process.WaitForExitAsync(timeout.Token);
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"rabbitmqctl {string.Join(' ', arguments)} failed ({process.ExitCode}): {await output} {await error}");
    }

    /// <summary>Ready messages in <paramref name="queue"/> (0 when it does not exist).</summary>
    public static async Task<uint> ReadyMessagesAsync(string queue)
    {
        await using var connection = await new ConnectionFactory { Uri = Uri }.CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync();
        try
        {
            return (await channel.QueueDeclarePassiveAsync(queue)).MessageCount;
        }
        catch (RabbitMQ.Client.Exceptions.OperationInterruptedException)
        {
            return 0;
        }
    }

    /// <summary>Deletes the queues and exchange of a test's prefix, so runs do not pile up on the broker.</summary>
    public static async Task DeleteAsync(string prefix, IEnumerable<string> queues)
    {
        try
        {
            await using var connection = await new ConnectionFactory { Uri = Uri }.CreateConnectionAsync();
            await using var channel = await connection.CreateChannelAsync();
            foreach (var queue in queues.Append($"{prefix}-dead-letter"))
                await channel.QueueDeleteAsync(queue);
            await channel.ExchangeDeleteAsync($"{prefix}.dlx");
        }
        catch (Exception)
        {
            // Best effort: a broker that is gone has nothing left to clean.
        }
    }
}
