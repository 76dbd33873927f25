namespace Scanner.Tests.Support;

/// <summary>The repository checkout the tests run from, for tests that read its files (manifests, rules, sources).</summary>
public static class RepositoryFolder
{
    public static string Root { get; } = Find();

    public static string Path(params string[] parts) => System.IO.Path.Combine([Root, .. parts]);

    private static string Find()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(System.IO.Path.Combine(directory.FullName, "Scanner.Orleans.sln")))
        {
            directory = directory.Parent;
        }
        return directory?.FullName ?? throw new InvalidOperationException($"no Scanner.Orleans.sln above {AppContext.BaseDirectory}");
    }
}
