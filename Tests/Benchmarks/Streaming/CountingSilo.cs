using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
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
        // The listener's lease grain counts failed state writes (AddScannerGrains registers this in the silo).
        silo.Services.TryAddSingleton(TimeProvider.System);
        silo.Services.TryAddSingleton<Scanner.Persistence.StateWriteFailures>();
        return silo.AddMemoryGrainStorage(ScannerSiloConfiguration.StorageName);
    }
}
