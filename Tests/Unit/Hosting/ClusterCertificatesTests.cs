using System.Diagnostics;
using Microsoft.Extensions.Options;
using Scanner.ServiceDefaults.Cluster;
using Scanner.ServiceDefaults.Configuration;
using Scanner.Tests.Support.Security;

namespace Scanner.Tests.Unit.Hosting;

/// <summary>Who may join the cluster: only a process holding a current certificate of the cluster's own authority.</summary>
public sealed class ClusterCertificatesTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("cluster-tls").FullName;
    private readonly TestCertificateAuthority _authority = TestCertificateAuthority.Create("scanner cluster CA");

    [Fact]
    public void A_certificate_of_the_clusters_authority_is_accepted()
    {
        using var certificates = Load(_authority.WriteFiles(_authority.Issue("silo-1"), _folder, "silo-1"));
        using var peer = _authority.Issue("gateway");

        Assert.True(certificates.Local.HasPrivateKey);
        Assert.True(certificates.IsIssuedByAuthority(peer));
    }

    [Fact]
    public void Certificates_of_another_authority_self_signed_or_out_of_date_are_refused()
    {
        using var certificates = Load(_authority.WriteFiles(_authority.Issue("silo-1"), _folder, "silo-1"));
        using var otherAuthority = TestCertificateAuthority.Create("scanner cluster CA"); // same name, other key
        using var foreign = otherAuthority.Issue("silo-1");
        var now = DateTimeOffset.UtcNow;
        using var expired = _authority.Issue("silo-old", now.AddDays(-10), now.AddDays(-1));

        Assert.False(certificates.IsIssuedByAuthority(foreign));
        Assert.False(certificates.IsIssuedByAuthority(otherAuthority.Certificate));
        Assert.False(certificates.IsIssuedByAuthority(expired));
    }

    [Fact]
    public void A_partial_or_wrong_setting_fails_start_naming_the_setting()
    {
        var files = _authority.WriteFiles(_authority.Issue("silo-1"), _folder, "silo-1");

        Assert.Contains("PrivateKey (ORLEANS_TLS_KEY) must be set", Errors(new() { Certificate = files.Certificate, Authority = files.Authority }));
        Assert.Contains("no file /nonexistent/ca.crt", Errors(new() { Certificate = files.Certificate, PrivateKey = files.PrivateKey, Authority = "/nonexistent/ca.crt" }));
        Assert.Contains("cannot load", Errors(new() { Certificate = files.Authority, PrivateKey = files.PrivateKey, Authority = files.Authority }));
        Assert.Empty(Errors(new() { Certificate = files.Certificate, PrivateKey = files.PrivateKey, Authority = files.Authority }));
        Assert.Empty(Errors(new()));
    }

    /// <summary>The deployment script's certificates are ones the processes load and accept from each other.</summary>
    [Fact]
    public void The_certificates_of_the_deployment_script_load_and_trust_each_other()
    {
        var script = Process.Start(new ProcessStartInfo("bash", [RepositoryFolder.Path("scripts", "cluster-certs.sh"), _folder, "silo-1", "gateway"])
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        })!;
        var output = script.StandardError.ReadToEnd() + script.StandardOutput.ReadToEnd();
        script.WaitForExit();
        Assert.True(script.ExitCode == 0, output);

        using var silo = Load(Files("silo-1"));
        using var gateway = Load(Files("gateway"));
        Assert.True(silo.IsIssuedByAuthority(gateway.Local));
        Assert.True(gateway.IsIssuedByAuthority(silo.Local));
        Assert.False(silo.IsIssuedByAuthority(_authority.Issue("intruder")));
    }

    public void Dispose()
    {
        _authority.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    private ClusterTlsFiles Files(string name) =>
        new(Path.Combine(_folder, $"{name}.crt"), Path.Combine(_folder, $"{name}.key"), Path.Combine(_folder, "ca.crt"));

    private static ClusterCertificates Load(ClusterTlsFiles files) =>
        ClusterCertificates.Load(new ClusterTlsOptions { Certificate = files.Certificate, PrivateKey = files.PrivateKey, Authority = files.Authority });

    private static string Errors(ClusterTlsOptions tls)
    {
        var result = new InfrastructureOptionsValidator().Validate(null, new InfrastructureOptions { Tls = tls });
        return result.Failed ? result.FailureMessage : "";
    }
}
