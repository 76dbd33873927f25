namespace Scanner.Scanners;

/// <summary>Maps a symbol to its ranking shard with a hash that is stable across processes and restarts.</summary>
public static class RankingShards
{
    public static int ShardOf(string symbol, int shardCount)
    {
        var hash = 2166136261u; // FNV-1a
        foreach (var c in symbol)
        {
            hash = (hash ^ c) * 16777619u;
        }
        return (int)(hash % (uint)shardCount);
    }
}
