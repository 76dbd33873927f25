namespace Scanner.Sessions;

/// <summary>
/// The sign-in sessions of one user (key = the user name), cluster-wide: every token carries the user's session
/// generation at the time it was minted, and signing out moves the generation on, so every gateway refuses to
/// renew the tokens issued before it.
/// </summary>
public interface IUserSessionsGrain : IGrainWithStringKey
{
    /// <summary>The generation new tokens carry.</summary>
    Task<int> GetGeneration();

    /// <summary>Ends every session of the user; returns the new generation.</summary>
    Task<int> SignOut();
}
