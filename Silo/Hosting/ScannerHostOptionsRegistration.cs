namespace Scanner.Silo.Hosting;

public static class ScannerHostOptionsRegistration
{
    /// <summary>Binds <see cref="ScannerHostOptions"/> and fails start with the setting's name when a value is out of range.</summary>
    public static IServiceCollection AddScannerHostOptions(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ScannerHostOptions>()
            .Bind(configuration.GetSection(ScannerHostOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        return services;
    }
}
