using Orleans.Configuration;
using Scanner.Gateway.Backend;

namespace Scanner.Gateway.Hosting;

/// <summary>
/// The Orleans client of the gateway: Redis clustering when <c>REDIS_URL</c> is set, localhost clustering otherwise
/// (the local demo). Connection failures are retried forever, so the gateway serves its page and health while the
/// cluster is away.
/// </summary>
internal static class OrleansClientSetup
{
    public static void AddOrleansFeedBackend(this WebApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        builder.UseOrleansClient(client =>
        {
            if (configuration["REDIS_URL"] is { Length: > 0 } redisUrl)
            {
                client.UseRedisClustering(RedisEndpoint.FromUrl(redisUrl));
            }
            else
            {
                client.UseLocalhostClustering();
            }
            client.Configure<ClusterOptions>(options =>
            {
                options.ClusterId = configuration["Orleans:ClusterId"] ?? "scanner";
                options.ServiceId = configuration["Orleans:ServiceId"] ?? "scanner";
            });
            client.UseConnectionRetryFilter(async (_, cancellation) =>
            {
                await Task.Delay(TimeSpan.FromSeconds(2), cancellation).ConfigureAwait(false);
                return true;
            });
        });
        // Start the web server while the client is still looking for a silo.
        builder.Services.Configure<HostOptions>(options => options.ServicesStartConcurrently = true);
        builder.Services.AddSingleton<IFeedBackend, OrleansFeedBackend>();
    }
}
