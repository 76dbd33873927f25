namespace Scanner.Silo.MarketFeed;

/// <summary>Who holds the listener lease: this silo's address, unique in the cluster.</summary>
public sealed record ListenerIdentity(string Name);
