namespace Scanner.Sessions;

/// <summary>The persisted session generation of one user (0 until the first sign-out).</summary>
[GenerateSerializer, Alias("scanner.sessions.state")]
public sealed class UserSessionsState
{
    [Id(0)] public int Generation { get; set; }
}
