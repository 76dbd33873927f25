using Microsoft.Extensions.Options;
using Scanner.ScannerFeeds;
using Scanner.Scanners;
using Scanner.Gateway.Hosting;
using Scanner.Layouts;
using Scanner.Sessions;

namespace Scanner.Gateway.Backend;

/// <summary>
/// The cluster as a feed backend: one observer for the whole process, registered with the gateway registry with
/// the current interest every <see cref="GatewayOptions.RegistrationInterval"/> and at once when interest changes.
/// </summary>
internal sealed partial class OrleansScannerFeedBackend(
    IClusterClient client,
    IOptions<GatewayOptions> options,
    ILogger<OrleansScannerFeedBackend> logger) : IScannerFeedBackend
{
    private readonly SemaphoreSlim _interestChanged = new(0, 1);
    private readonly CancellationTokenSource _stopping = new();
    private string[] _interest = [];
    private GatewayScannerFeedObserver? _observer;
    private IScannerFeedObserver? _reference;
    private Task _loop = Task.CompletedTask;
    private volatile bool _connected;

    public bool IsConnected => _connected;

    public Task StartAsync(IScannerFeedUpdateSink sink, CancellationToken cancellation)
    {
        _observer = new GatewayScannerFeedObserver(sink);
        _loop = RegistrationLoop(_stopping.Token);
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellation)
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        await _loop.ConfigureAwait(false);
        if (_reference is not null && _connected)
        {
            try
            {
                await Registry.Unregister(_reference).WaitAsync(TimeSpan.FromSeconds(2), cancellation).ConfigureAwait(false);
                client.DeleteObjectReference<IScannerFeedObserver>(_reference);
            }
            catch (Exception error)
            {
                LogUnregisterFailed(logger, error);
            }
        }
    }

    public async Task<ScannerFeedUpdate?> GetFeedAsync(string feed, CancellationToken cancellation) =>
        ScannerFeedSources.Resolve(client, feed) is { } source
            ? await source.GetFeed(feed).WaitAsync(cancellation).ConfigureAwait(false)
            : null;

    public Task<byte[]?> GetLayoutsAsync(string user, CancellationToken cancellation) =>
        client.GetGrain<IUserLayoutsGrain>(user).Get().WaitAsync(cancellation);

    public Task SaveLayoutsAsync(string user, byte[] layouts, CancellationToken cancellation) =>
        client.GetGrain<IUserLayoutsGrain>(user).Save(layouts).WaitAsync(cancellation);

    public Task<int> GetSessionGenerationAsync(string user, CancellationToken cancellation) =>
        client.GetGrain<IUserSessionsGrain>(user).GetGeneration().WaitAsync(cancellation);

    public Task SignOutAsync(string user, CancellationToken cancellation) =>
        client.GetGrain<IUserSessionsGrain>(user).SignOut().WaitAsync(cancellation);

    public async Task<ScannerFeedUpdate[]> GetMatchingAsync(string wildcard, CancellationToken cancellation) =>
        ScannerFeedPatterns.PrefixOf(wildcard) == ScannerFeedNames.QuotePrefix
            ? await client.GetGrain<ICurrentQuotesGrain>(0).GetAll().WaitAsync(cancellation).ConfigureAwait(false)
            : [];

    public void SetInterest(string[] patterns)
    {
        Volatile.Write(ref _interest, patterns);
        try
        {
            _interestChanged.Release();
        }
        catch (SemaphoreFullException)
        {
            // A registration is already due.
        }
    }

    private IScannerFeedGatewayRegistryGrain Registry => client.GetGrain<IScannerFeedGatewayRegistryGrain>(0);

    private async Task RegistrationLoop(CancellationToken cancellation)
    {
        var settings = options.Value;
        while (!cancellation.IsCancellationRequested)
        {
            try
            {
                // Created lazily: the client may still be connecting when the gateway starts.
                _reference ??= client.CreateObjectReference<IScannerFeedObserver>(_observer!);
                await Registry.Register(_reference, Volatile.Read(ref _interest), settings.RegistrationLease).ConfigureAwait(false);
                if (!_connected)
                {
                    LogRegistered(logger);
                }
                _connected = true;
            }
            catch (Exception error)
            {
                if (_connected && !cancellation.IsCancellationRequested)
                {
                    LogRegistrationFailed(logger, error);
                }
                _connected = false;
            }
            try
            {
                var delay = _connected ? settings.RegistrationInterval : TimeSpan.FromSeconds(1);
                await _interestChanged.WaitAsync(delay, cancellation).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Gateway observer registered with the feed registry")]
    private static partial void LogRegistered(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not register the gateway observer; retrying")]
    private static partial void LogRegistrationFailed(ILogger logger, Exception error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not unregister the gateway observer")]
    private static partial void LogUnregisterFailed(ILogger logger, Exception error);
}
