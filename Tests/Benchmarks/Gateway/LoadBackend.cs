using Scanner.Feeds;
using Scanner.Gateway.Backend;

namespace Scanner.Benchmarks.Gateway;

/// <summary>Stands in for the cluster: the load run pushes batches into the gateway as a silo's flush would.</summary>
internal sealed class LoadBackend : IFeedBackend
{
    private IFeedUpdateSink? _sink;

    public bool IsConnected => _sink is not null;

    public Task StartAsync(IFeedUpdateSink sink, CancellationToken cancellation)
    {
        _sink = sink;
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellation) => Task.CompletedTask;

    public Task<FeedUpdate?> GetFeedAsync(string feed, CancellationToken cancellation) => Task.FromResult<FeedUpdate?>(null);

    public void SetInterest(string[] patterns)
    {
    }

    public void Push(FeedUpdate[] batch) => _sink!.OnFeedUpdates(batch);
}
