namespace Scanner.ServiceDefaults.Health;

/// <summary>Tags that place a health check on an endpoint.</summary>
public static class HealthTags
{
    /// <summary>Part of <c>/health/ready</c> and <c>/health</c>: the process can serve, and no data is being lost.</summary>
    public const string Ready = "ready";
}
