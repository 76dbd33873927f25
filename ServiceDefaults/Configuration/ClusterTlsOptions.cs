namespace Scanner.ServiceDefaults.Configuration;

/// <summary>
/// Mutual TLS between the cluster's processes (section <c>Infrastructure:Tls</c>; <c>ORLEANS_TLS_CERTIFICATE</c>,
/// <c>ORLEANS_TLS_KEY</c> and <c>ORLEANS_TLS_AUTHORITY</c> are its aliases): PEM files of this process's certificate,
/// its private key, and the cluster's own certificate authority. With them set, silos and the gateway's Orleans client
/// only talk to peers holding a certificate that authority issued; unset (the local demo and the tests on loopback),
/// the Orleans ports carry plain TCP. <c>scripts/cluster-certs.sh</c> makes a set.
/// </summary>
public sealed class ClusterTlsOptions
{
    public string? Certificate { get; set; }

    public string? PrivateKey { get; set; }

    public string? Authority { get; set; }

    public bool Enabled => !string.IsNullOrEmpty(Certificate) || !string.IsNullOrEmpty(PrivateKey) || !string.IsNullOrEmpty(Authority);
}
