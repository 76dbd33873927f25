using System.Text.Json;
using Orleans.Hosting;
using Orleans.Streaming.RabbitMQ;

namespace Scanner.Tests.Streaming.RabbitMQ;

/// <summary>The library is a package of its own: what it makes public is what a user needs, and it knows no app.</summary>
public sealed class PackageSurfaceTests
{
    private static readonly System.Reflection.Assembly Library = typeof(RabbitMqStreamOptions).Assembly;

    [Fact]
    public void Only_registration_options_status_and_failures_are_public()
    {
        Type[] expected =
        [
            typeof(RabbitMqStreamSiloBuilderExtensions),
            typeof(RabbitMqStreamClientBuilderExtensions),
            typeof(RabbitMqStreamOptions),
            typeof(UndeliveredPolicy),
            typeof(RabbitMqStreamStatusBoard),
            typeof(RabbitMqStreamStatus),
            typeof(RabbitMqUnavailableException),
            typeof(RabbitMqPublishRejectedException),
        ];

        Assert.Equal(expected.Select(t => t.FullName).Order(), Library.GetExportedTypes().Select(t => t.FullName).Order());
    }

    [Fact]
    public void It_references_Orleans_RabbitMQ_and_the_platform_only()
    {
        var references = Library.GetReferencedAssemblies().Select(a => a.Name!).ToList();

        Assert.All(references, name => Assert.True(
            name.StartsWith("Orleans.", StringComparison.Ordinal) || name.StartsWith("RabbitMQ.", StringComparison.Ordinal)
            || name.StartsWith("Microsoft.", StringComparison.Ordinal) || name.StartsWith("System", StringComparison.Ordinal),
            $"unexpected reference {name}"));
        Assert.Contains("RabbitMQ.Client", references);
    }

    [Fact]
    public void Its_tests_load_no_scanner_assembly()
    {
        // The test host loads what the test assembly's deps.json lists (files left in bin by older builds are not).
        var depsFile = Path.Combine(AppContext.BaseDirectory, "Scanner.Tests.Streaming.RabbitMQ.deps.json");
        using var deps = JsonDocument.Parse(File.ReadAllText(depsFile));
        var assemblies = deps.RootElement.GetProperty("targets").EnumerateObject()
            .SelectMany(target => target.Value.EnumerateObject())
            .SelectMany(library => library.Value.TryGetProperty("runtime", out var runtime) ? runtime.EnumerateObject().Select(a => Path.GetFileName(a.Name)) : [])
            .ToHashSet(StringComparer.Ordinal);

        Assert.Contains("Orleans.Streaming.RabbitMQ.dll", assemblies);
        Assert.Equal(
            ["Scanner.Tests.Streaming.RabbitMQ.dll", "Scanner.Tests.Support.Infrastructure.dll"],
            assemblies.Where(name => name.StartsWith("Scanner.", StringComparison.Ordinal)).Order(StringComparer.Ordinal));
    }
}
