using Microsoft.Extensions.DependencyInjection;
using Scanner.ServiceDefaults.Configuration;

namespace Scanner.ServiceDefaults.Cluster;

/// <summary>Turns on mutual TLS for a silo or the gateway's Orleans client when <see cref="ClusterTlsOptions"/> are set.</summary>
public static class ClusterTlsHosting
{
    public static ISiloBuilder UseClusterTls(this ISiloBuilder silo, ClusterTlsOptions options)
    {
        if (options.Enabled)
        {
            var certificates = ClusterCertificates.Load(options);
            silo.Services.AddSingleton(certificates); // disposed with the host
            silo.UseTls(certificates.Configure);
        }
        return silo;
    }

    public static IClientBuilder UseClusterTls(this IClientBuilder client, ClusterTlsOptions options)
    {
        if (options.Enabled)
        {
            var certificates = ClusterCertificates.Load(options);
            client.Services.AddSingleton(certificates);
            client.UseTls(certificates.Configure);
        }
        return client;
    }
}
