using System.ComponentModel.DataAnnotations;

namespace Scanner.Silo.Operations;

/// <summary>
/// The operator credentials (section <c>Operator</c>): the dashboard, the control API and the operator page ask
/// for them with HTTP Basic. Without a password only this machine's loopback address gets in.
/// </summary>
public sealed class OperatorOptions
{
    public const string Section = "Operator";

    /// <summary>The Basic user name: HTTP Basic splits "user:password" at the first colon, so a colon could never sign in.</summary>
    [Required(ErrorMessage = "Operator:User (Operator__User) must not be empty")]
    [RegularExpression("^[^:]+$", ErrorMessage = "Operator:User (Operator__User) must not contain ':' (HTTP Basic could never match it)")]
    public string User { get; set; } = "operator";

    /// <summary>Empty: operator endpoints answer loopback only (127.0.0.1, ::1) and refuse everyone else.</summary>
    public string Password { get; set; } = "";

    /// <summary>Puts <c>/metrics</c> behind the operator sign-in too (the scraper then sends the credentials).</summary>
    public bool ProtectMetrics { get; set; }

    public bool PasswordRequired => Password.Length > 0;
}
