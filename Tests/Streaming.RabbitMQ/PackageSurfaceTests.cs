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
}
