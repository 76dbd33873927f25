namespace Scanner.Tests.Integration.Streaming;

/// <summary>Polls a condition until it holds; the timeout is generous and only bounds a failing run.</summary>
internal static class Eventually
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(60);

    public static async Task HoldsAsync(Func<Task<bool>> condition, Func<string> describe, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? DefaultTimeout);
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
                Assert.Fail($"Condition did not hold within {timeout ?? DefaultTimeout}: {describe()}");
            await Task.Delay(200);
        }
    }

    public static Task HoldsAsync(Func<bool> condition, Func<string> describe, TimeSpan? timeout = null) =>
        HoldsAsync(() => Task.FromResult(condition()), describe, timeout);
}
