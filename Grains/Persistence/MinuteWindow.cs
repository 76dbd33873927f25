namespace Scanner.Persistence;

/// <summary>
/// Counts events of the last minute in one-second buckets: constant memory however many events arrive, exact to
/// the second. Thread-safe.
/// </summary>
internal sealed class MinuteWindow(TimeProvider time)
{
    private const int Seconds = 60;
    private readonly long[] _counts = new long[Seconds];
    private readonly long[] _secondOf = new long[Seconds];

    public void Add()
    {
        var second = Now();
        var slot = (int)(second % Seconds);
        lock (_counts)
        {
            if (_secondOf[slot] != second)
            {
                _secondOf[slot] = second;
                _counts[slot] = 0;
            }
            _counts[slot]++;
        }
    }

    public long Count()
    {
        var oldest = Now() - Seconds;
        var total = 0L;
        lock (_counts)
        {
            for (var slot = 0; slot < Seconds; slot++)
            {
                if (_secondOf[slot] > oldest)
                {
                    total += _counts[slot];
                }
            }
        }
        return total;
    }

    private long Now() => time.GetUtcNow().ToUnixTimeSeconds();
}
