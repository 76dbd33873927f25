namespace Scanner.Benchmarks.Streaming;

/// <summary>
/// The server behind a provider of the provider load run: the real RabbitMQ of this run (<c>--rabbitmq</c> or
/// <c>SCANNER_TEST_RABBITMQ</c>; its process found through <c>SCANNER_INFRA_DIR</c>), a NATS server with JetStream
/// (<c>--nats</c>, or one started here and stopped at the end), or none for memory streams.
/// Orleans' NATS provider partitions its stream with a subject transform on the stream, which NATS servers before
/// 2.10 ignore (Debian 12 ships 2.9): their messages would never reach a partition's consumer. On such a server the
/// same partitioning is made by an account-wide subject mapping (NATS 2.8+) of the provider's subjects instead.
/// </summary>
internal sealed class ProviderBroker : IAsyncDisposable
{
    private readonly NatsServer? _ownNats;

    private ProviderBroker(Uri? uri, int[] processIds, NatsServer? ownNats = null)
    {
        Uri = uri;
        ProcessIds = processIds;
        _ownNats = ownNats;
    }

    public Uri? Uri { get; }

    /// <summary>The broker's processes, whose CPU time counts with the provider's (none if unknown).</summary>
    public int[] ProcessIds { get; }

    private static readonly Version SubjectTransforms = new(2, 10, 0);

    /// <param name="name">The provider's name (its subjects' first token).</param>
    /// <param name="queues">Its partitions.</param>
    public static async Task<ProviderBroker> StartAsync(string provider, string[] args, string name, int queues)
    {
        switch (provider)
        {
            case ProviderUnderTest.RabbitMq:
                var rabbitMq = LoadRunArguments.Text(args, "--rabbitmq") ?? Environment.GetEnvironmentVariable(TestInfrastructure.RabbitMqVariable)
                    ?? throw new ArgumentException($"Give the broker with --rabbitmq amqp://user:pass@host:port/ (or set {TestInfrastructure.RabbitMqVariable}).");
                return new(new Uri(rabbitMq), RabbitMqProcess());
            case ProviderUnderTest.Nats when LoadRunArguments.Text(args, "--nats") is { } nats:
                return new(new Uri(nats), []);
            case ProviderUnderTest.Nats:
                var server = await NatsServer.StartAsync(NatsServer.InstalledVersion < SubjectTransforms
                    ? new Dictionary<string, string> { [$"{name}.*.*"] = $"{name}.{{{{partition({queues},1,2)}}}}.{{{{wildcard(1)}}}}.{{{{wildcard(2)}}}}" }
                    : null);
                return new(server.Uri, [server.ProcessId], server);
            default:
                return new(null, []);
        }
    }

    /// <summary>The broker's Erlang VM, from the pid file <c>scripts/infra.sh</c> writes.</summary>
    private static int[] RabbitMqProcess() =>
        Environment.GetEnvironmentVariable("SCANNER_INFRA_DIR") is { Length: > 0 } folder
            && Path.Combine(folder, "rabbitmq", "rabbit.pid") is var pidFile && File.Exists(pidFile)
            && int.TryParse(File.ReadAllText(pidFile).Trim(), out var pid)
                ? [pid]
                : [];

    public async ValueTask DisposeAsync()
    {
        if (_ownNats is not null)
        {
            await _ownNats.DisposeAsync();
        }
    }
}
