using Microsoft.AspNetCore.Http.Features;

namespace Scanner.Gateway.Connections;

/// <summary>
/// Stands in for the server's upgrade feature so that an accepted WebSocket runs over a <see cref="BatchingTransport"/>:
/// ASP.NET Core's WebSocket middleware builds the socket on whatever stream this feature's upgrade returns. Set before
/// that middleware (<see cref="UseBatchingTransport"/>); a request that is not upgraded is untouched.
/// </summary>
internal sealed class BatchingUpgradeFeature(IHttpUpgradeFeature inner) : IHttpUpgradeFeature
{
    /// <summary>The transport of the upgraded request, null before the upgrade.</summary>
    public BatchingTransport? Transport { get; private set; }

    public bool IsUpgradableRequest => inner.IsUpgradableRequest;

    public async Task<Stream> UpgradeAsync()
    {
        Transport = new BatchingTransport(await inner.UpgradeAsync().ConfigureAwait(false));
        return Transport;
    }

    /// <summary>The transport <paramref name="context"/>'s WebSocket runs over, null when it was not upgraded through this feature.</summary>
    public static BatchingTransport? TransportOf(HttpContext context) =>
        (context.Features.Get<IHttpUpgradeFeature>() as BatchingUpgradeFeature)?.Transport;

    /// <summary>Wraps the upgrade feature of every upgradable request; must come before <c>UseWebSockets</c>.</summary>
    public static void UseBatchingTransport(IApplicationBuilder app) =>
        app.Use((context, next) =>
        {
            if (context.Features.Get<IHttpUpgradeFeature>() is { IsUpgradableRequest: true } upgrade)
            {
                context.Features.Set<IHttpUpgradeFeature>(new BatchingUpgradeFeature(upgrade));
            }
            return next(context);
        });
}
