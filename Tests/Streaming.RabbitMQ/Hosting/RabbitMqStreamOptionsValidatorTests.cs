using Orleans.Streaming.RabbitMQ;

namespace Scanner.Tests.Streaming.RabbitMQ.Hosting;

public sealed class RabbitMqStreamOptionsValidatorTests
{
    private static readonly RabbitMqStreamOptionsValidator Validator = new();

    private static RabbitMqStreamOptions Valid() => new() { Uri = new Uri("amqp://guest:guest@127.0.0.1:5672/") };

    [Fact]
    public void Defaults_with_a_uri_are_valid()
    {
        var options = Valid();

        Assert.True(Validator.Validate("trades", options).Succeeded);
        Assert.Equal(8, options.QueueCount);
        Assert.Equal(TimeSpan.FromSeconds(5), options.MessageTtl);
        Assert.False(options.Durable);
        Assert.Equal(UndeliveredPolicy.DeadLetter, options.UndeliveredPolicy);
    }

    [Fact]
    public void A_missing_uri_names_the_provider_and_the_fix()
    {
        var result = Validator.Validate("quotes", new RabbitMqStreamOptions());

        Assert.True(result.Failed);
        Assert.Contains("RabbitMQ stream provider 'quotes': Uri is required (amqp://", result.FailureMessage);
    }

    [Fact]
    public void Every_bad_setting_is_reported_at_once()
    {
        var options = Valid();
        options.Uri = new Uri("http://127.0.0.1:5672/");
        options.QueueCount = 0;
        options.Prefetch = 0;
        options.MaxBatchBytes = 10;
        options.ReconnectBackoffMin = TimeSpan.FromSeconds(5);
        options.ReconnectBackoffMax = TimeSpan.FromSeconds(1);
        options.MessageTtl = TimeSpan.FromSeconds(-1);

        var failures = Validator.Validate("aggregates", options).Failures!.ToList();

        Assert.Contains(failures, f => f.Contains("must be an absolute amqp:// or amqps:// URI"));
        Assert.Contains(failures, f => f.Contains("QueueCount must be between 1 and 1024 (was 0)"));
        Assert.Contains(failures, f => f.Contains("Prefetch must be at least 1"));
        Assert.Contains(failures, f => f.Contains("MaxBatchBytes must be at least 1024 (was 10)"));
        Assert.Contains(failures, f => f.Contains("ReconnectBackoffMin"));
        Assert.Contains(failures, f => f.Contains("MessageTtl"));
        Assert.All(failures, f => Assert.StartsWith("RabbitMQ stream provider 'aggregates': ", f));
    }

    [Fact]
    public void No_ttl_is_allowed()
    {
        var options = Valid();
        options.MessageTtl = null;
        Assert.True(Validator.Validate("halts", options).Succeeded);
        options.MessageTtl = TimeSpan.Zero;
        Assert.True(Validator.Validate("halts", options).Succeeded);
    }

    [Fact]
    public void Default_prefetch_follows_the_cache_size()
    {
        var options = Valid();

        Assert.Equal(256, options.EffectivePrefetch(4096));
        Assert.Equal(16, options.EffectivePrefetch(10));
        options.Prefetch = 50;
        Assert.Equal(50, options.EffectivePrefetch(4096));
    }
}
