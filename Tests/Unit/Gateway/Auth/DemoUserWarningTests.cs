using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Options;
using Scanner.Gateway.Auth;

namespace Scanner.Tests.Unit.Gateway.Auth;

public class DemoUserWarningTests
{
    private static IReadOnlyList<FakeLogRecord> StartWith(AuthOptions options)
    {
        var logger = new FakeLogger<DemoUserWarning>();
        new DemoUserWarning(Options.Create(options), logger).StartAsync(CancellationToken.None);
        return logger.Collector.GetSnapshot();
    }

    [Fact]
    public void A_user_whose_password_is_its_name_is_warned_about_at_start()
    {
        var warning = Assert.Single(StartWith(new AuthOptions { Enabled = true, Users = { ["demo"] = "demo", ["guest"] = "guest", ["alice"] = "wonderland" } }));
        Assert.Equal(LogLevel.Warning, warning.Level);
        Assert.Contains("demo, guest", warning.Message);
        Assert.DoesNotContain("alice", warning.Message);
    }

    [Fact]
    public void Real_users_or_auth_off_start_without_a_warning()
    {
        Assert.Empty(StartWith(new AuthOptions { Enabled = true, Users = { ["alice"] = "wonderland" } }));
        Assert.Empty(StartWith(new AuthOptions { Enabled = false, Users = { ["demo"] = "demo" } }));
    }
}
