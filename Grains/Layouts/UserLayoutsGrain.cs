namespace Scanner.Layouts;

/// <summary>
/// A thin shell over one user's <see cref="UserLayoutsState"/> in grain storage "scanner" (Redis in the real system):
/// a save is written through before it is acknowledged, since it is rare and the user expects it to stick.
/// </summary>
public sealed class UserLayoutsGrain(
    [PersistentState("layouts", "scanner")] IPersistentState<UserLayoutsState> state) : Grain, IUserLayoutsGrain
{
    public Task<byte[]?> Get() => Task.FromResult(state.State.Json);

    public async Task Save(byte[] layouts)
    {
        var check = UserLayouts.Check(layouts);
        if (check != LayoutsCheck.Valid)
        {
            throw new ArgumentException($"layouts refused: {check}", nameof(layouts));
        }
        state.State.Json = layouts;
        await state.WriteStateAsync();
    }
}
