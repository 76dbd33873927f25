using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Orleans.Connections.Security;
using Scanner.ServiceDefaults.Configuration;

namespace Scanner.ServiceDefaults.Cluster;

/// <summary>
/// This process's certificate and the cluster's certificate authority, loaded from <see cref="ClusterTlsOptions"/>:
/// the one place that decides who may join the cluster or call its grains. A peer is accepted when its certificate
/// chains to the cluster's own authority (not the machine's trust store, so a certificate some public authority issued
/// for any name is refused); host names are not checked, since silos dial each other by address.
/// </summary>
public sealed class ClusterCertificates : IDisposable
{
    /// <summary>The name a connecting process asks for (SNI); the authority, not the name, decides.</summary>
    public const string TargetHost = "scanner-cluster";

    private readonly X509Certificate2 _authority;

    private ClusterCertificates(X509Certificate2 local, X509Certificate2 authority)
    {
        Local = local;
        _authority = authority;
    }

    public X509Certificate2 Local { get; }

    /// <summary>Loads the PEM files; throws <see cref="InvalidOperationException"/> naming the setting that is wrong.</summary>
    public static ClusterCertificates Load(ClusterTlsOptions options)
    {
        var certificate = Required(options.Certificate, "Certificate (ORLEANS_TLS_CERTIFICATE)");
        var key = Required(options.PrivateKey, "PrivateKey (ORLEANS_TLS_KEY)");
        var authority = Required(options.Authority, "Authority (ORLEANS_TLS_AUTHORITY)");
        X509Certificate2 local;
        try
        {
            using var pem = X509Certificate2.CreateFromPemFile(certificate, key);
            // Re-imported so that the key is usable by SslStream on every platform (a PEM key is ephemeral).
            local = X509CertificateLoader.LoadPkcs12(pem.Export(X509ContentType.Pkcs12), null);
        }
        catch (Exception ex) when (ex is CryptographicException or ArgumentException)
        {
            throw new InvalidOperationException($"Infrastructure:Tls: cannot load {certificate} with key {key}: {ex.Message}", ex);
        }
        try
        {
            return new ClusterCertificates(local, X509CertificateLoader.LoadCertificateFromFile(authority));
        }
        catch (CryptographicException ex)
        {
            local.Dispose();
            throw new InvalidOperationException($"Infrastructure:Tls: cannot load the authority {authority}: {ex.Message}", ex);
        }
    }

    /// <summary>True when <paramref name="certificate"/> is valid now and chains to the cluster's authority.</summary>
    public bool IsIssuedByAuthority(X509Certificate2 certificate)
    {
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(_authority);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        return chain.Build(certificate)
            && chain.ChainElements[^1].Certificate.RawDataMemory.Span.SequenceEqual(_authority.RawDataMemory.Span);
    }

    /// <summary>Mutual TLS for silo-to-silo and client-to-silo connections: both ends present a certificate, and each
    /// accepts only one from the cluster's authority.</summary>
    public void Configure(TlsOptions tls)
    {
        tls.LocalCertificate = Local;
        tls.RemoteCertificateMode = RemoteCertificateMode.RequireCertificate;
        tls.ClientCertificateMode = RemoteCertificateMode.RequireCertificate;
        tls.RemoteCertificateValidation = (certificate, _, _) => IsIssuedByAuthority(certificate);
        tls.OnAuthenticateAsClient = (_, client) => client.TargetHost = TargetHost;
    }

    public void Dispose()
    {
        Local.Dispose();
        _authority.Dispose();
    }

    private static string Required(string? path, string setting)
    {
        if (string.IsNullOrEmpty(path))
        {
            throw new InvalidOperationException($"Infrastructure:Tls:{setting} must be set when any TLS setting is");
        }
        return File.Exists(path) ? path : throw new InvalidOperationException($"Infrastructure:Tls:{setting}: no file {path}");
    }
}
