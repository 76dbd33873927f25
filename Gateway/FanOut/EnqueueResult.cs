namespace Scanner.Gateway.FanOut;

internal enum EnqueueResult
{
    /// <summary>Queued for sending.</summary>
    Queued,

    /// <summary>Queued in place of an unsent older value of the same feed (the older one is dropped).</summary>
    Replaced,

    /// <summary>Not queued: the client already has this version or a newer one.</summary>
    Stale,

    /// <summary>Not queued: the queue is full; the client is too slow and should be closed.</summary>
    Overflow,

    /// <summary>Not queued: the queue no longer accepts messages.</summary>
    Closed,
}
