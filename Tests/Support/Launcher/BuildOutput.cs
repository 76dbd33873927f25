namespace Scanner.Tests.Support.Launcher;

/// <summary>Where the built processes are: <c>{Project}/bin/{Configuration}/net10.0/Scanner.{Project}.dll</c> in this repository.</summary>
public static class BuildOutput
{
    /// <summary>The folder holding Scanner.Orleans.sln, found above the running assembly.</summary>
    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    /// <summary>The configuration the running assembly was built in; the processes it starts are taken from the same.</summary>
    public static string CurrentConfiguration { get; } =
        AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Release" : "Debug";

    public static string Assembly(string project, string configuration)
    {
        var dll = Path.Combine(RepositoryRoot, project, "bin", configuration, "net10.0", $"Scanner.{project}.dll");
        return File.Exists(dll)
            ? dll
            : throw new FileNotFoundException($"{dll} is missing: build the solution first (dotnet build Scanner.Orleans.sln -c {configuration})", dll);
    }

    private static string FindRepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Scanner.Orleans.sln")))
        {
            dir = dir.Parent;
        }
        return dir?.FullName ?? throw new InvalidOperationException($"Scanner.Orleans.sln not found above {AppContext.BaseDirectory}");
    }
}
