namespace Scanner.Tests.Support.Security;

/// <summary>The PEM files of a process's cluster TLS settings (<c>ORLEANS_TLS_CERTIFICATE</c>, <c>ORLEANS_TLS_KEY</c>,
/// <c>ORLEANS_TLS_AUTHORITY</c>).</summary>
public sealed record ClusterTlsFiles(string Certificate, string PrivateKey, string Authority);
