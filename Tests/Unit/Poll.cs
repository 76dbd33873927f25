namespace Scanner.Tests.Unit;

internal static class Poll
{
    /// <summary>Polls <paramref name="condition"/> until it holds; fails the test after a generous timeout.</summary>
    public static async Task UntilAsync(Func<bool> condition, int timeoutSeconds = 30)
    {
        var deadline = DateTime.UtcNow.AddSeconds(timeoutSeconds);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "condition not met in time");
            await Task.Delay(5);
        }
    }
}
