using System.Collections;
using System.Text.Json;

namespace Scanner.Silo.Hosting;

/// <summary>
/// Maps the original project's environment variable names (docs/configuration.md) and the compose file's names
/// onto our configuration keys. An alias only fills a key that is not set under its own name.
/// </summary>
public static class LegacyEnvironmentAliases
{
    private static readonly (string Variable, string Key)[] Plain =
    [
        ("MASSIVE_API_KEY", "Feed:ApiKey"),
        ("POLYGON_API_KEY", "Feed:ApiKey"),
        ("MASSIVE_FEED_URL", "Feed:Url"),
        ("MASSIVE_MAX_RECONNECTS", "Feed:MaxReconnects"),
        ("RABBITMQ_URL", "Host:RabbitMqUrl"),
        ("REDIS_URL", "Host:Redis"),
        ("SCANNER_INFRASTRUCTURE", "Host:Infrastructure"),
        ("ORLEANS_SILO_PORT", "Host:SiloPort"),
        ("ORLEANS_GATEWAY_PORT", "Host:GatewayPort"),
        ("ORLEANS_ADVERTISED_HOST", "Host:AdvertisedHost"),
        ("HYDRATION_BASE_URL", "Hydration:BaseUrl"),
    ];

    /// <summary>The keys to add to configuration for the variables present in <paramref name="environment"/>.</summary>
    public static Dictionary<string, string?> Map(IDictionary environment, IConfiguration existing)
    {
        var result = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        void Fill(string key, string? value)
        {
            if (!string.IsNullOrEmpty(value) && existing[key] is null && !result.ContainsKey(key))
            {
                result[key] = value;
            }
        }

        foreach (var (variable, key) in Plain)
        {
            Fill(key, environment[variable] as string);
        }

        // MASSIVE_FEED names the feed ("realtime" or "delayed") or gives a URL.
        if (environment["MASSIVE_FEED"] is string feed && feed.Length > 0)
        {
            Fill("Feed:Url", feed.ToLowerInvariant() switch
            {
                "delayed" => Feed.FeedOptions.DelayedUrl,
                "realtime" or "real-time" or "socket" => Feed.FeedOptions.RealTimeUrl,
                _ => feed,
            });
        }

        // MARKET_DATA_MESSAGE_TTL is milliseconds, like the original's.
        if (environment["MARKET_DATA_MESSAGE_TTL"] is string ttl && int.TryParse(ttl, out var ms))
        {
            Fill("Host:MessageTtl", TimeSpan.FromMilliseconds(ms).ToString("c"));
        }

        // MASSIVE_SUBSCRIPTIONS is a JSON array: ["A.*","T.*"].
        if (environment["MASSIVE_SUBSCRIPTIONS"] is string subscriptions && subscriptions.Length > 0
            && existing.GetSection("Feed:Subscriptions").GetChildren().FirstOrDefault() is null)
        {
            var list = ParseSubscriptions(subscriptions);
            for (var i = 0; i < list.Length; i++)
            {
                result[$"Feed:Subscriptions:{i}"] = list[i];
            }
        }
        return result;
    }

    private static string[] ParseSubscriptions(string json)
    {
        const string Expected = "MASSIVE_SUBSCRIPTIONS must be a JSON array of strings, e.g. [\"A.*\",\"T.*\"]";
        try
        {
            return JsonSerializer.Deserialize<string[]>(json) ?? throw new FormatException(Expected);
        }
        catch (JsonException ex)
        {
            throw new FormatException($"{Expected}; got: {json}", ex);
        }
    }
}
