namespace Scanner.Gateway.Hosting;

/// <summary>The original's environment names (docs/configuration.md) as aliases of the structured settings.</summary>
internal static class ConfigurationAliases
{
    private static readonly (string Alias, string Key)[] Map =
    [
        ("AUTH_ENABLED", "Auth:Enabled"),
        ("AUTH_TOKEN_SECRET", "Auth:TokenSecret"),
        ("AUTH_API_KEY", "Auth:ApiKey"),
        ("AUTH_ALLOW_STATIC_KEY", "Auth:AllowStaticKey"),
        ("AUTH_DEMO_USER", "Auth:DemoUser"),
    ];

    /// <summary>Copies each alias that is set to its key, unless the key is set itself.</summary>
    public static void Apply(ConfigurationManager configuration)
    {
        var values = new Dictionary<string, string?>();
        foreach (var (alias, key) in Map)
        {
            if (configuration[alias] is { Length: > 0 } value && configuration[key] is null)
            {
                values[key] = value;
            }
        }
        configuration.AddInMemoryCollection(values);
    }
}
