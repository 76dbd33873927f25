using Scanner.ScannerFeeds;
using Scanner.Gateway.Backend;

namespace Scanner.Benchmarks.Gateway;

/// <summary>Stands in for the cluster: the load run pushes batches into the gateway as a silo's flush would.</summary>
internal sealed class LoadBackend : IScannerFeedBackend
{
    private IScannerFeedUpdateSink? _sink;

    public bool IsConnected => _sink is not null;

    public Task StartAsync(IScannerFeedUpdateSink sink, CancellationToken cancellation)
    {
        _sink = sink;
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellation) => Task.CompletedTask;

    public Task<ScannerFeedUpdate?> GetFeedAsync(string feed, CancellationToken cancellation) => Task.FromResult<ScannerFeedUpdate?>(null);

    public void SetInterest(string[] patterns)
    {
    }

    public Task<byte[]?> GetLayoutsAsync(string user, CancellationToken cancellation) => Task.FromResult<byte[]?>(null);

    public Task SaveLayoutsAsync(string user, byte[] layouts, CancellationToken cancellation) => Task.CompletedTask;

    public void Push(ScannerFeedUpdate[] batch) => _sink!.OnFeedUpdates(batch);
}
