namespace Scanner.Tests.Support.Reporting;

/// <summary>
/// The fault and attack suite's report: every fault or attack test adds one row (what it injected, what was expected,
/// what it observed, whether the system recovered by itself, and where the loss was counted), so a run's output reads
/// as a table. Rows go to <c>fault-report.md</c> in the test results folder (<c>SCANNER_TEST_REPORTS</c>, set by
/// <c>scripts/test.sh</c>, which prints the file at the end of the run; <c>TestResults</c> in the checkout otherwise).
/// </summary>
public static class FaultReport
{
    private const string Header =
        "| suite | injected | expected | observed | recovered | loss counted |\n|---|---|---|---|---|---|\n";

    private static readonly Lock Gate = new();

    public static string FilePath { get; } = System.IO.Path.Combine(
        Environment.GetEnvironmentVariable("SCANNER_TEST_REPORTS") is { Length: > 0 } folder ? folder : RepositoryFolder.Path("TestResults"),
        "fault-report.md");

    /// <summary>Adds a row; many test classes write at once. Returns the row (tests print it to their own output too).</summary>
    public static string Record(string suite, string injected, string expected, string observed, string recovered, string lossCounted)
    {
        var row = $"| {Cell(suite)} | {Cell(injected)} | {Cell(expected)} | {Cell(observed)} | {Cell(recovered)} | {Cell(lossCounted)} |\n";
        lock (Gate)
        {
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(FilePath)!);
            if (!File.Exists(FilePath)) File.WriteAllText(FilePath, Header);
            File.AppendAllText(FilePath, row);
        }
        return row;
    }

    private static string Cell(string text) => text.Replace('|', '/').ReplaceLineEndings(" ");
}
