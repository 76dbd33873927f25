using Xunit.Abstractions;

namespace Scanner.Tests.Unit.Fuzzing;

/// <summary>
/// How many cases a fuzz test runs and from which seed: <c>SCANNER_FUZZ_CASES</c> (100,000 by default, the CI run;
/// 1,000,000 for the long run) and <c>SCANNER_FUZZ_SEED</c> (a fresh one each run by default). Tests print the seed,
/// so a failing run is repeated with <c>SCANNER_FUZZ_SEED=...</c>.
/// </summary>
internal sealed record FuzzRun(int Cases, int Seed)
{
    public const int DefaultCases = 100_000;

    /// <summary>The run the environment asks for, printed to the test's output under <paramref name="name"/>.</summary>
    public static FuzzRun Start(ITestOutputHelper output, string name)
    {
        var run = FromEnvironment();
        output.WriteLine($"{name}: {run}");
        return run;
    }

    private static FuzzRun FromEnvironment() => new(
        int.TryParse(Environment.GetEnvironmentVariable("SCANNER_FUZZ_CASES"), out var cases) && cases > 0 ? cases : DefaultCases,
        int.TryParse(Environment.GetEnvironmentVariable("SCANNER_FUZZ_SEED"), out var seed) ? seed : Random.Shared.Next());

    public override string ToString() => $"{Cases:N0} cases, SCANNER_FUZZ_SEED={Seed}";
}
