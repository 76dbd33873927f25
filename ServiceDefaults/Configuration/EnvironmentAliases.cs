using System.Text.Json;
using Microsoft.Extensions.Configuration;

namespace Scanner.ServiceDefaults.Configuration;

/// <summary>
/// The original project's environment variable names (and the compose file's), mapped onto our configuration keys
/// for every process. An alias only fills a key that is not set under its own name; of two aliases of one key the
/// first listed wins (MASSIVE_API_KEY over POLYGON_API_KEY).
/// </summary>
public static class EnvironmentAliases
{
    private static readonly (string Variable, string[] Keys)[] Plain =
    [
        ("MASSIVE_API_KEY", ["Feed:ApiKey", "Hydration:ApiKey", "Simulator:ApiKey"]),
        ("POLYGON_API_KEY", ["Feed:ApiKey", "Hydration:ApiKey", "Simulator:ApiKey"]),
        ("MASSIVE_FEED_URL", ["Feed:Url"]),
        ("MASSIVE_MAX_RECONNECTS", ["Feed:MaxReconnects"]),
        ("HYDRATION_BASE_URL", ["Hydration:BaseUrl"]),
        ("RABBITMQ_URL", [InfrastructureOptions.Section + ":RabbitMq"]),
        ("REDIS_URL", [InfrastructureOptions.Section + ":Redis"]),
        ("SCANNER_INFRASTRUCTURE", ["Host:Infrastructure"]),
        ("ORLEANS_SILO_PORT", ["Host:SiloPort"]),
        ("ORLEANS_GATEWAY_PORT", ["Host:GatewayPort"]),
        ("ORLEANS_ADVERTISED_HOST", ["Host:AdvertisedHost"]),
        ("ORLEANS_TLS_CERTIFICATE", [InfrastructureOptions.Section + ":Tls:Certificate"]),
        ("ORLEANS_TLS_KEY", [InfrastructureOptions.Section + ":Tls:PrivateKey"]),
        ("ORLEANS_TLS_AUTHORITY", [InfrastructureOptions.Section + ":Tls:Authority"]),
        ("AUTH_ENABLED", ["Auth:Enabled"]),
        ("AUTH_TOKEN_SECRET", ["Auth:TokenSecret"]),
        ("AUTH_API_KEY", ["Auth:ApiKey"]),
        ("AUTH_ALLOW_STATIC_KEY", ["Auth:AllowStaticKey"]),
        ("AUTH_SIGNING_KEY", ["Auth:CurrentSigningKey"]),
        ("SCANNER_LOG_FORMAT", ["Logging:Console:FormatterName"]),
    ];

    /// <summary>Adds the mapped keys on top of <paramref name="configuration"/> (environment, settings, command line).</summary>
    public static IConfigurationBuilder AddEnvironmentAliases(this IConfigurationManager configuration) =>
        configuration.AddInMemoryCollection(Map(configuration));

    /// <summary>The keys to add for the alias variables present in <paramref name="configuration"/>.</summary>
    public static Dictionary<string, string?> Map(IConfiguration configuration)
    {
        var result = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        void Fill(string key, string? value)
        {
            if (!string.IsNullOrEmpty(value) && configuration[key] is null && !result.ContainsKey(key))
            {
                result[key] = value;
            }
        }

        foreach (var (variable, keys) in Plain)
        {
            foreach (var key in keys)
            {
                Fill(key, configuration[variable]);
            }
        }

        // MASSIVE_FEED names the feed ("realtime" or "delayed") or gives a URL.
        if (configuration["MASSIVE_FEED"] is { Length: > 0 } feed)
        {
            Fill("Feed:Url", feed.ToLowerInvariant() switch
            {
                "delayed" => MassiveFeedUrls.Delayed,
                "realtime" or "real-time" or "socket" => MassiveFeedUrls.RealTime,
                _ => feed,
            });
        }

        // MARKET_DATA_MESSAGE_TTL is milliseconds, like the original's.
        if (configuration["MARKET_DATA_MESSAGE_TTL"] is { } ttl && int.TryParse(ttl, out var ms))
        {
            Fill("Host:MessageTtl", TimeSpan.FromMilliseconds(ms).ToString("c"));
        }

        // MASSIVE_SUBSCRIPTIONS is a JSON array: ["A.*","T.*"]. An explicit list is taken whole, never merged.
        if (configuration["MASSIVE_SUBSCRIPTIONS"] is { Length: > 0 } subscriptions
            && configuration.GetSection("Feed:Subscriptions").GetChildren().FirstOrDefault() is null)
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
