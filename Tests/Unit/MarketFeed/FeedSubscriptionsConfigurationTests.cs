using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Scanner.Silo.MarketFeed;

namespace Scanner.Tests.Unit.MarketFeed;

/// <summary>
/// <c>Feed:Subscriptions</c> from configuration is the whole list: the configuration binder binds arrays by index onto
/// the property's default and would otherwise keep the defaults beside the configured entries.
/// </summary>
public class FeedSubscriptionsConfigurationTests
{
    private static string[] Bound(params (string Key, string Value)[] settings)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(s => KeyValuePair.Create(s.Key, (string?)s.Value)).Append(KeyValuePair.Create("Feed:ApiKey", (string?)"k")))
            .Build();
        var services = new ServiceCollection().AddLogging();
        services.AddFeedListener(configuration);
        return services.BuildServiceProvider().GetRequiredService<IOptions<MarketFeedOptions>>().Value.Subscriptions;
    }

    [Fact]
    public void A_configured_list_replaces_the_default_list() =>
        Assert.Equal(["T.*", "AM.*"], Bound(("Feed:Subscriptions:0", "T.*"), ("Feed:Subscriptions:1", "AM.*")));

    [Fact]
    public void Without_a_configured_list_the_default_applies() =>
        Assert.Equal(["A.*", "T.*", "Q.*", "LULD.*"], Bound());
}
