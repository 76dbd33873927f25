namespace Scanner.Silo.Operations;

/// <summary>
/// <c>GET /operator</c>: a small page that renders <c>GET /control/feed</c> (listener state, lease, subscriptions and
/// acks, shed and expired frames, publish latency) every two seconds, for operators who should not have to read
/// JSON. The Orleans Dashboard shows grains and silos but offers no extension point for pages of our own.
/// </summary>
public static class OperatorPage
{
    private const string Resource = "Scanner.Silo.Operations.operator.html";

    public static IEndpointConventionBuilder MapOperatorPage(this IEndpointRouteBuilder app)
    {
        var html = Load();
        return app.MapGet("/operator", () => Results.Content(html, "text/html; charset=utf-8"));
    }

    private static string Load()
    {
        using var stream = typeof(OperatorPage).Assembly.GetManifestResourceStream(Resource)
            ?? throw new InvalidOperationException($"embedded resource {Resource} is missing");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
