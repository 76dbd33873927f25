namespace Scanner.Gateway.Auth;

internal enum TokenStatus
{
    Valid,
    Expired,
    Invalid,

    /// <summary>Well signed and unexpired, but its subject is not (or no longer) in the user directory.</summary>
    UnknownUser,

    /// <summary>Valid, but minted before its user signed out (its <c>sgen</c> is older than the user's generation).</summary>
    SignedOut,

    /// <summary>Valid, but the cluster could not tell whether its session is current (and had never told before).</summary>
    SessionUnknown,
}

/// <summary>The outcome of checking a credential; <paramref name="Subject"/> and the token's
/// <paramref name="SessionGeneration"/> are set when valid.</summary>
internal readonly record struct TokenCheck(TokenStatus Status, string? Subject = null, int SessionGeneration = 0)
{
    public bool IsValid => Status == TokenStatus.Valid;
}
