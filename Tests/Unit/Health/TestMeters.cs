using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;

namespace Scanner.Tests.Unit.Health;

/// <summary>A meter factory for the metrics classes the health checks read.</summary>
internal static class TestMeters
{
    public static IMeterFactory Create() => new ServiceCollection().AddMetrics().BuildServiceProvider().GetRequiredService<IMeterFactory>();
}
