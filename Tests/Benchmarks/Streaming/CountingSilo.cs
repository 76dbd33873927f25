using Microsoft.Extensions.DependencyInjection;
using Orleans.Configuration;
using Scanner.Silo.Hosting;

namespace Scanner.Benchmarks.Streaming;

/// <summary>A load run's silo: the counting grain is the only stream consumer, grain state lives in memory.</summary>
internal static class CountingSilo
{
    public static ISiloBuilder WithCountingConsumerOnly(this ISiloBuilder silo)
    {
        // The production ticker grain subscribes implicitly to the same namespaces: leave it out.
        silo.Services.PostConfigure<GrainTypeOptions>(o => o.Classes.Remove(typeof(Scanner.Ticker.TickerGrain)));
        return silo.AddMemoryGrainStorage(ScannerSiloConfiguration.StorageName);
    }
}
