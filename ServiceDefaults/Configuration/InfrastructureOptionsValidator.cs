using Microsoft.Extensions.Options;
using Scanner.ServiceDefaults.Cluster;

namespace Scanner.ServiceDefaults.Configuration;

/// <summary>Fails start with the setting's name when an endpoint cannot be parsed or an id is empty.</summary>
internal sealed class InfrastructureOptionsValidator : IValidateOptions<InfrastructureOptions>
{
    public ValidateOptionsResult Validate(string? name, InfrastructureOptions options)
    {
        var errors = new List<string>();
        Check(errors, "Redis (REDIS_URL)", () => { if (options.Redis is not null) RedisEndpoint.ToConfiguration(options.Redis); });
        Check(errors, "RabbitMq (RABBITMQ_URL)", () => RabbitMqEndpoint.ToUri(options.RabbitMq));
        if (string.IsNullOrWhiteSpace(options.ClusterId))
        {
            errors.Add($"{InfrastructureOptions.Section}:ClusterId must not be empty");
        }
        if (string.IsNullOrWhiteSpace(options.ServiceId))
        {
            errors.Add($"{InfrastructureOptions.Section}:ServiceId must not be empty");
        }
        if (options.Tls.Enabled)
        {
            Check(errors, "Tls (ORLEANS_TLS_*)", () => ClusterCertificates.Load(options.Tls).Dispose());
        }
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private static void Check(List<string> errors, string setting, Action parse)
    {
        try
        {
            parse();
        }
        catch (Exception ex) when (ex is FormatException or ArgumentException or InvalidOperationException)
        {
            errors.Add($"{InfrastructureOptions.Section}:{setting}: {ex.Message}");
        }
    }
}
