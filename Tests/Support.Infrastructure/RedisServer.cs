namespace Scanner.Tests.Support.Infrastructure;

/// <summary>
/// This run's real Redis process: restarts it on the same port (<c>scripts/infra.sh redis-restart</c>), with its
/// data or without, for tests of what a cache loss does, or stops it and starts it again in two steps, for tests
/// that watch what happens while it is down. Every client connection drops while it is down. Tests that call this
/// share Redis with every other test: put them in a test collection that runs alone.
/// </summary>
public static class RedisServer
{
    public const string InfraDirectoryVariable = "SCANNER_INFRA_DIR";

    public static Task RestartAsync(bool keepData) => InfraAsync("redis-restart", Mode(keepData));

    /// <summary>Stops the process (the port refuses until <see cref="StartAsync"/>); <paramref name="keepData"/> saves its data for the next start.</summary>
    public static Task StopAsync(bool keepData) => InfraAsync("redis-stop", Mode(keepData));

    /// <summary>Starts the process stopped by <see cref="StopAsync"/> again on the same port, and waits until it answers.</summary>
    public static Task StartAsync() => InfraAsync("redis-start");

    private static string Mode(bool keepData) => keepData ? "keep" : "wipe";

    private static Task InfraAsync(params string[] arguments)
    {
        if (Environment.GetEnvironmentVariable(InfraDirectoryVariable) is not { Length: > 0 })
        {
            throw new InvalidOperationException($"{InfraDirectoryVariable} is not set: start Redis with `eval \"$(scripts/infra.sh up)\"`.");
        }
        return InfrastructureCommand.RunAsync(RepositoryFolder.Path("scripts/infra.sh"), arguments);
    }
}
