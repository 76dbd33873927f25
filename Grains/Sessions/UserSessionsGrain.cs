namespace Scanner.Sessions;

/// <summary>
/// A thin shell over one user's <see cref="UserSessionsState"/> in grain storage "scanner" (Redis in the real system):
/// a sign-out is written through before it is acknowledged, so it holds after the grain moves or the cluster restarts.
/// </summary>
public sealed class UserSessionsGrain(
    [PersistentState("sessions", "scanner")] IPersistentState<UserSessionsState> state) : Grain, IUserSessionsGrain
{
    public Task<int> GetGeneration() => Task.FromResult(state.State.Generation);

    public async Task<int> SignOut()
    {
        state.State.Generation++;
        await state.WriteStateAsync();
        return state.State.Generation;
    }
}
