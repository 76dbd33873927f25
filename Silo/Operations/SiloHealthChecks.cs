using Scanner.Persistence;
using Scanner.ServiceDefaults;
using Scanner.ServiceDefaults.Configuration;
using Scanner.ServiceDefaults.Health;
using Scanner.Silo.MarketFeed;
using Scanner.Silo.Hosting;
using Orleans.Streaming.RabbitMQ;

namespace Scanner.Silo.Operations;

/// <summary>The silo's readiness conditions: each reads state the services keep current, none touches the network.</summary>
public static class SiloHealthChecks
{
    public const string FeedLoss = "feed-loss";
    public const string StreamLoss = "stream-loss";
    public const string GrainState = "grain-state";
    public const string Redis = "redis";
    public const string Membership = "membership";

    public static IServiceCollection AddSiloHealthChecks(this IServiceCollection services, ScannerHostOptions host, InfrastructureOptions infrastructure)
    {
        var checks = services.AddHealthChecks()
            .AddCheck<MarketFeedHealthCheck>(MarketFeedHealthCheck.Name, tags: [HealthTags.Ready])
            .AddLossCheck(FeedLoss, sp => FeedLossCounters(sp.GetRequiredService<MarketFeedMetrics>()))
            .AddLossCheck(GrainState, sp => GrainStateLossCounters(sp.GetRequiredService<StateWriteFailures>()));
        if (host.Infrastructure == ScannerInfrastructure.Real)
        {
            var (redisHost, redisPort) = RedisEndpoint.HostAndPort(infrastructure.Redis ?? InfrastructureOptions.DefaultRedis);
            checks.AddReachabilityCheck(Redis, redisHost, redisPort)
                .AddCheck<StreamProvidersHealthCheck>(StreamProvidersHealthCheck.Name, tags: [HealthTags.Ready])
                .AddLossCheck(StreamLoss, sp => StreamLossCounters(sp.GetRequiredService<RabbitMqStreamStatusBoard>()))
                .AddLossCheck(Membership, sp => MembershipCounters(sp.GetRequiredService<MembershipTableRecovery>()));
        }
        return services;
    }

    public static LossCounter[] GrainStateLossCounters(StateWriteFailures failures) =>
        [new("grain state writes failed", () => failures.Total)];

    public static LossCounter[] MembershipCounters(MembershipTableRecovery recovery) =>
    [
        new("membership tables lost and restored", () => recovery.Restores),
        new("membership table checks failed", () => recovery.FailedChecks),
    ];

    public static LossCounter[] FeedLossCounters(MarketFeedMetrics metrics) =>
    [
        new("frames shed (publishing fell behind the socket)", () => metrics.DroppedFrames),
        new("frames expired (older than Feed:MaxFrameAge)", () => metrics.ExpiredFrames),
        new("events failed to publish to the streams", () => metrics.PublishFailedEvents),
        new("feed messages skipped unread (binary or over Feed:MaxFrameBytes)", () => metrics.SkippedMessages),
        new("feed frames and events skipped as malformed", () => metrics.MalformedItems),
    ];

    public static LossCounter[] StreamLossCounters(RabbitMqStreamStatusBoard board) =>
    [
        new("stream containers failed to publish", () => board.All.Sum(s => s.FailedContainers)),
        new("stream messages dropped undelivered", () => board.All.Sum(s => s.DroppedMessages)),
        new("stream messages dead-lettered", () => board.All.Sum(s => s.DeadLetteredTotal)),
    ];
}
