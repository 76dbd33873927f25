using Scanner.ServiceDefaults.Configuration;

namespace Scanner.Tests.Unit.Hosting;

public class InfrastructureEndpointTests
{
    [Theory]
    [InlineData("redis://cache:6380", "cache:6380,abortConnect=false")]
    [InlineData("redis://cache", "cache:6379,abortConnect=false")]
    [InlineData("redis://:s%40cret@cache:6379/2", "cache:6379,password=s@cret,defaultDatabase=2,abortConnect=false")]
    [InlineData("redis://alice:pw@cache:6379", "cache:6379,user=alice,password=pw,abortConnect=false")]
    [InlineData("rediss://cache:6380", "cache:6380,ssl=true,abortConnect=false")]
    [InlineData("127.0.0.1:6379", "127.0.0.1:6379,abortConnect=false")]
    [InlineData("cache:6379,password=x,abortConnect=true", "cache:6379,password=x,abortConnect=true")]
    public void Redis_urls_and_host_port_read_one_way(string endpoint, string expected) =>
        Assert.Equal(expected, RedisEndpoint.ToConfiguration(endpoint));

    [Fact]
    public void A_bad_redis_url_names_the_forms_and_hides_the_password()
    {
        var error = Assert.Throws<FormatException>(() => RedisEndpoint.ToConfiguration("http://u:hunter2@cache:6379"));
        Assert.Contains("redis://", error.Message);
        Assert.DoesNotContain("hunter2", error.Message);
        Assert.Throws<FormatException>(() => RedisEndpoint.ToConfiguration("redis://cache:6379/zero"));
    }

    [Fact]
    public void The_probe_address_comes_from_the_same_parse() =>
        Assert.Equal(("cache", 6380), RedisEndpoint.HostAndPort("redis://:pw@cache:6380/1"));

    [Theory]
    [InlineData("amqp://u:p@mq:5673/vh", "amqp://u:p@mq:5673/vh")]
    [InlineData("amqps://u:p@mq/", "amqps://u:p@mq/")]
    [InlineData("mq:5673", "amqp://guest:guest@mq:5673/")]
    [InlineData("mq", "amqp://guest:guest@mq/")]
    public void RabbitMq_uris_and_host_port_read_one_way(string endpoint, string expected) =>
        Assert.Equal(new Uri(expected), RabbitMqEndpoint.ToUri(endpoint));

    [Fact]
    public void A_bad_rabbitmq_endpoint_is_a_clear_error()
    {
        var error = Assert.Throws<FormatException>(() => RabbitMqEndpoint.ToUri("http://mq:5672"));
        Assert.Contains("amqp://", error.Message);
    }
}
