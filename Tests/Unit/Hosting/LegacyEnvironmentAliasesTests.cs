using System.Collections;
using Microsoft.Extensions.Configuration;
using Scanner.Silo.Hosting;

namespace Scanner.Tests.Unit.Hosting;

public class LegacyEnvironmentAliasesTests
{
    private static IConfiguration Config(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => KeyValuePair.Create(v.Key, (string?)v.Value))).Build();

    [Fact]
    public void Maps_the_original_names_onto_our_keys()
    {
        var env = new Hashtable
        {
            ["POLYGON_API_KEY"] = "old-key",
            ["MASSIVE_FEED"] = "delayed",
            ["MASSIVE_SUBSCRIPTIONS"] = "[\"A.*\",\"LULD.*\"]",
            ["MARKET_DATA_MESSAGE_TTL"] = "2500",
            ["RABBITMQ_URL"] = "amqp://u:p@mq:5672/",
            ["REDIS_URL"] = "redis:6379",
        };
        var mapped = LegacyEnvironmentAliases.Map(env, Config());

        Assert.Equal("old-key", mapped["Feed:ApiKey"]);
        Assert.Equal("wss://delayed.massive.com/stocks", mapped["Feed:Url"]);
        Assert.Equal("A.*", mapped["Feed:Subscriptions:0"]);
        Assert.Equal("LULD.*", mapped["Feed:Subscriptions:1"]);
        Assert.Equal("00:00:02.5000000", mapped["Host:MessageTtl"]);
        Assert.Equal("amqp://u:p@mq:5672/", mapped["Host:RabbitMqUrl"]);
        Assert.Equal("redis:6379", mapped["Host:Redis"]);
    }

    [Fact]
    public void The_new_name_wins_over_the_old_and_explicit_configuration_over_both()
    {
        var env = new Hashtable { ["MASSIVE_API_KEY"] = "new", ["POLYGON_API_KEY"] = "old", ["MASSIVE_FEED_URL"] = "ws://127.0.0.1:9/stocks" };
        Assert.Equal("new", LegacyEnvironmentAliases.Map(env, Config())["Feed:ApiKey"]);

        var explicitConfig = Config(("Feed:ApiKey", "configured"), ("Feed:Url", "ws://x/stocks"));
        var mapped = LegacyEnvironmentAliases.Map(env, explicitConfig);
        Assert.False(mapped.ContainsKey("Feed:ApiKey"));
        Assert.False(mapped.ContainsKey("Feed:Url"));
    }

    [Fact]
    public void A_malformed_subscription_list_is_a_clear_error()
    {
        var env = new Hashtable { ["MASSIVE_SUBSCRIPTIONS"] = "T.*,A.*" };
        var error = Assert.Throws<FormatException>(() => LegacyEnvironmentAliases.Map(env, Config()));
        Assert.Contains("MASSIVE_SUBSCRIPTIONS must be a JSON array", error.Message);
    }
}
