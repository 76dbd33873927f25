using Scanner.Gateway.Backend;
using Scanner.Gateway.Connections;
using Scanner.Gateway.FanOut;

namespace Scanner.Gateway.Hosting;

/// <summary>Starts the backend with the hub as its sink and the client sweeper; stops both on shutdown.</summary>
internal sealed class ScannerFeedHubService(IScannerFeedBackend backend, ScannerFeedHub hub, ClientRegistry clients) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await backend.StartAsync(hub, cancellationToken).ConfigureAwait(false);
        clients.Start();
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        hub.Stop();
        await backend.StopAsync(cancellationToken).ConfigureAwait(false);
    }
}
