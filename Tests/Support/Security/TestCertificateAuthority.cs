using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Scanner.Tests.Support.Security;

/// <summary>
/// A throwaway certificate authority for the cluster TLS tests: issues process certificates (server and client use,
/// like <c>scripts/cluster-certs.sh</c>) and writes them as the PEM files the processes read.
/// </summary>
public sealed class TestCertificateAuthority : IDisposable
{
    private TestCertificateAuthority(X509Certificate2 certificate) => Certificate = certificate;

    public X509Certificate2 Certificate { get; }

    public static TestCertificateAuthority Create(string name)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest($"CN={name}", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        var now = DateTimeOffset.UtcNow;
        return new TestCertificateAuthority(request.CreateSelfSigned(now.AddDays(-30), now.AddDays(30)));
    }

    /// <summary>A process certificate valid from <paramref name="notBefore"/> to <paramref name="notAfter"/>
    /// (by default yesterday to a month ahead).</summary>
    public X509Certificate2 Issue(string name, DateTimeOffset? notBefore = null, DateTimeOffset? notAfter = null)
    {
        var now = DateTimeOffset.UtcNow;
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest($"CN={name}", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension(
            [new Oid("1.3.6.1.5.5.7.3.1"), new Oid("1.3.6.1.5.5.7.3.2")], false)); // server and client authentication
        var serial = RandomNumberGenerator.GetBytes(12);
        using var issued = request.Create(Certificate, notBefore ?? now.AddDays(-1), notAfter ?? now.AddDays(29), serial);
        return issued.CopyWithPrivateKey(key);
    }

    /// <summary>Writes <paramref name="certificate"/>, its key and this authority as PEM files into <paramref name="folder"/>.</summary>
    public ClusterTlsFiles WriteFiles(X509Certificate2 certificate, string folder, string name)
    {
        Directory.CreateDirectory(folder);
        var files = new ClusterTlsFiles(
            Path.Combine(folder, $"{name}.crt"), Path.Combine(folder, $"{name}.key"), Path.Combine(folder, $"{name}-ca.crt"));
        File.WriteAllText(files.Certificate, certificate.ExportCertificatePem());
        File.WriteAllText(files.PrivateKey, certificate.GetECDsaPrivateKey()!.ExportPkcs8PrivateKeyPem());
        File.WriteAllText(files.Authority, Certificate.ExportCertificatePem());
        return files;
    }

    public void Dispose() => Certificate.Dispose();
}
