namespace Scanner.ServiceDefaults.Health;

/// <summary>
/// A counter of data lost or refused (frames shed, publications failed, state writes failed), read by
/// <see cref="LossCounterHealthCheck"/>. <paramref name="What"/> completes "N ... in the last minute".
/// </summary>
public sealed record LossCounter(string What, Func<long> Total);
