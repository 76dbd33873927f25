namespace Scanner.Tests.Support.Infrastructure;

/// <summary>
/// This run's real Redis process: restarts it on the same port (<c>scripts/infra.sh redis-restart</c>), with its
/// data or without, for tests of what a cache loss does. Every client connection drops while it restarts. Tests that
/// call this share Redis with every other test: put them in a test collection that runs alone.
/// </summary>
public static class RedisServer
{
    public const string InfraDirectoryVariable = "SCANNER_INFRA_DIR";

    public static Task RestartAsync(bool keepData)
    {
        if (Environment.GetEnvironmentVariable(InfraDirectoryVariable) is not { Length: > 0 })
        {
            throw new InvalidOperationException($"{InfraDirectoryVariable} is not set: start Redis with `eval \"$(scripts/infra.sh up)\"`.");
        }
        return InfrastructureCommand.RunAsync(RepositoryFolder.Path("scripts/infra.sh"), "redis-restart", keepData ? "keep" : "wipe");
    }
}
