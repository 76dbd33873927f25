using Scanner.Tests.Support.Gateway;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Scanner.Gateway.Hosting;
using Scanner.ServiceDefaults;
using Scanner.Silo.MarketFeed;
using Scanner.Silo.Hosting;
using Scanner.Silo.Operations;
using Scanner.Simulator.Hosting;
using Scanner.Tests.Unit.Gateway;

namespace Scanner.Tests.Unit.Hosting;

/// <summary>Every options class fails start on a bad value, with a message that names the setting.</summary>
public class OptionsValidationTests
{
    private static IConfiguration Config(string key, string value) =>
        new ConfigurationBuilder().AddInMemoryCollection([KeyValuePair.Create(key, (string?)value)]).Build();

    /// <summary>What <c>ValidateOnStart</c> runs when the host starts.</summary>
    private static OptionsValidationException StartFails(IServiceCollection services) =>
        Assert.Throws<OptionsValidationException>(() => services.BuildServiceProvider().GetRequiredService<IStartupValidator>().Validate());

    [Theory]
    [InlineData("Host:QueueCount", "0")]
    [InlineData("Host:SiloPort", "70000")]
    [InlineData("Host:QueuePrefix", "has space")]
    [InlineData("Host:MessageTtl", "-00:00:01")]
    public void Silo_host_options(string key, string value) =>
        Assert.Contains(key, StartFails(new ServiceCollection().AddScannerHostOptions(Config(key, value))).Message);

    [Theory]
    [InlineData("Scanner:ShardCount", "0")]
    [InlineData("Scanner:PersistInterval", "00:00:00")]
    [InlineData("Scanner:Momentum:WindowMinutes", "0")]
    [InlineData("Scanner:RangeAlerts:MinStepPct", "-1")]
    [InlineData("Scanner:Momentum:LowPrice", "100")]
    [InlineData("Scanner:RangeAlerts:MinInterval", "-00:00:01")]
    [InlineData("Hydration:NegativeCacheDuration", "00:00:00")]
    [InlineData("Hydration:MaxAttempts", "0")]
    [InlineData("Hydration:BaseUrl", "not a url")]
    public void Grain_options(string key, string value) =>
        Assert.Contains(key, StartFails(new ServiceCollection().AddScannerGrains(Config(key, value))).Message);

    [Fact]
    public void Fan_out_options() =>
        Assert.Contains("FeedPublishing:FlushInterval",
            StartFails(new ServiceCollection().AddFeedPublishing(o => o.FlushInterval = TimeSpan.Zero)).Message);

    [Theory]
    [InlineData("Feed:FrameBufferCapacity", "1")]
    [InlineData("Feed:LeaseDuration", "00:00:00")]
    [InlineData("Feed:MaxReconnects", "-1")]
    [InlineData("Feed:MaxHeldBytes", "1000")]
    public void Feed_listener_options(string key, string value)
    {
        var services = new ServiceCollection().AddLogging();
        services.AddFeedListener(new ConfigurationBuilder().AddInMemoryCollection(
            [KeyValuePair.Create(key, (string?)value), KeyValuePair.Create("Feed:ApiKey", (string?)"k")]).Build());
        Assert.Contains(key, StartFails(services).Message);
    }

    [Theory]
    [InlineData("Operator:User", "")]
    [InlineData("Operator:User", "ops:team")]
    public void Operator_options(string key, string value) =>
        Assert.Contains(key, StartFails(new ServiceCollection().AddOperatorAccess(Config(key, value))).Message);

    [Theory]
    [InlineData("Infrastructure:Redis", "http://cache:6379")]
    [InlineData("Infrastructure:RabbitMq", "http://mq")]
    [InlineData("Infrastructure:ClusterId", " ")]
    public void Infrastructure_options(string key, string value)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new());
        builder.Configuration.AddInMemoryCollection([KeyValuePair.Create(key, (string?)value)]);
        builder.AddServiceDefaults("test");
        Assert.Contains(key, StartFails(builder.Services).Message);
    }

    [Theory]
    [InlineData("Gateway:SendQueueFeeds", "0")]
    [InlineData("Gateway:SendQueueBytes", "1000")]
    [InlineData("Auth:SessionCacheDuration", "-00:00:01")]
    [InlineData("Gateway:RegistrationLease", "00:00:01")]
    [InlineData("Gateway:StallTimeout", "00:00:00")]
    [InlineData("Auth:TokenLifetime", "00:00:00")]
    [InlineData("Auth:AllowStaticKey", "true")]
    public async Task Gateway_options(string key, string value)
    {
        var error = await Assert.ThrowsAsync<OptionsValidationException>(async () =>
        {
            // The web socket options are read while building; everything else when the host starts.
            await using var app = GatewayApp.Build(["--urls", "http://127.0.0.1:0", $"--{key}={value}"],
                builder => builder.Services.AddSingleton<Scanner.Gateway.Backend.IScannerFeedBackend>(new FakeScannerFeedBackend()));
            await app.StartAsync();
        });
        Assert.Contains(key, error.Message);
    }

    [Theory]
    [InlineData("--frame-size", "0", "Simulator:FrameSize")]
    [InlineData("--rate", "0", "Simulator:Rate")]
    public void Simulator_options(string option, string value, string key)
    {
        var configuration = new ConfigurationBuilder().AddCommandLine([option, value], SimulatorConfiguration.Switches.ToDictionary()).Build();
        Assert.Contains(key, Assert.Throws<ArgumentException>(() => SimulatorConfiguration.Bind(configuration)).Message);
    }
}
