using Microsoft.Extensions.Configuration;
using Scanner.ServiceDefaults.Configuration;

namespace Scanner.Tests.Unit.Hosting;

public class EnvironmentAliasesTests
{
    private static IConfiguration Config(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => KeyValuePair.Create(v.Key, (string?)v.Value))).Build();

    [Fact]
    public void Maps_the_original_names_onto_our_keys()
    {
        var mapped = EnvironmentAliases.Map(Config(
            ("POLYGON_API_KEY", "old-key"),
            ("MASSIVE_FEED", "delayed"),
            ("MASSIVE_SUBSCRIPTIONS", "[\"A.*\",\"LULD.*\"]"),
            ("MARKET_DATA_MESSAGE_TTL", "2500"),
            ("RABBITMQ_URL", "amqp://u:p@mq:5672/"),
            ("REDIS_URL", "redis:6379"),
            ("SCANNER_INFRASTRUCTURE", "InMemory")));

        Assert.Equal("old-key", mapped["Feed:ApiKey"]);
        Assert.Equal("old-key", mapped["Hydration:ApiKey"]);
        Assert.Equal("old-key", mapped["Simulator:ApiKey"]);
        Assert.Equal("wss://delayed.massive.com/stocks", mapped["Feed:Url"]);
        Assert.Equal("A.*", mapped["Feed:Subscriptions:0"]);
        Assert.Equal("LULD.*", mapped["Feed:Subscriptions:1"]);
        Assert.Equal("00:00:02.5000000", mapped["Host:MessageTtl"]);
        Assert.Equal("amqp://u:p@mq:5672/", mapped["Infrastructure:RabbitMq"]);
        Assert.Equal("redis:6379", mapped["Infrastructure:Redis"]);
        // The silo's host options read the mode (scripts/run.sh --in-memory depends on it).
        Assert.Equal("InMemory", mapped["Host:Infrastructure"]);
    }

    [Fact]
    public void Maps_the_gateway_auth_names_and_the_log_format()
    {
        var mapped = EnvironmentAliases.Map(Config(
            ("AUTH_ENABLED", "true"), ("AUTH_TOKEN_SECRET", "s3"), ("AUTH_API_KEY", "k"), ("AUTH_ALLOW_STATIC_KEY", "true"),
            ("AUTH_SIGNING_KEY", "k2"), ("SCANNER_LOG_FORMAT", "json"), ("MASSIVE_MAX_RECONNECTS", "4"), ("HYDRATION_BASE_URL", "http://h")));

        Assert.Equal(("true", "s3", "k", "true", "k2"),
            (mapped["Auth:Enabled"], mapped["Auth:TokenSecret"], mapped["Auth:ApiKey"], mapped["Auth:AllowStaticKey"], mapped["Auth:CurrentSigningKey"]));
        Assert.Equal("json", mapped["Logging:Console:FormatterName"]);
        Assert.Equal("4", mapped["Feed:MaxReconnects"]);
        Assert.Equal("http://h", mapped["Hydration:BaseUrl"]);
    }

    [Fact]
    public void The_new_name_wins_over_the_old_and_explicit_configuration_over_both()
    {
        (string, string)[] env = [("MASSIVE_API_KEY", "new"), ("POLYGON_API_KEY", "old"), ("MASSIVE_FEED_URL", "ws://127.0.0.1:9/stocks")];
        Assert.Equal("new", EnvironmentAliases.Map(Config(env))["Feed:ApiKey"]);

        var mapped = EnvironmentAliases.Map(Config([.. env, ("Feed:ApiKey", "configured"), ("Feed:Url", "ws://x/stocks"), ("Auth:Enabled", "false"), ("AUTH_ENABLED", "true")]));
        Assert.False(mapped.ContainsKey("Feed:ApiKey"));
        Assert.False(mapped.ContainsKey("Feed:Url"));
        Assert.False(mapped.ContainsKey("Auth:Enabled"));
    }

    [Fact]
    public void An_explicit_subscription_list_is_never_merged_with_the_variable()
    {
        var mapped = EnvironmentAliases.Map(Config(("MASSIVE_SUBSCRIPTIONS", "[\"A.*\",\"T.*\"]"), ("Feed:Subscriptions:0", "Q.*")));
        Assert.DoesNotContain(mapped.Keys, k => k.StartsWith("Feed:Subscriptions", StringComparison.Ordinal));
    }

    [Fact]
    public void A_malformed_subscription_list_is_a_clear_error()
    {
        var error = Assert.Throws<FormatException>(() => EnvironmentAliases.Map(Config(("MASSIVE_SUBSCRIPTIONS", "T.*,A.*"))));
        Assert.Contains("MASSIVE_SUBSCRIPTIONS must be a JSON array", error.Message);
    }
}
