using System.Diagnostics.Metrics;

namespace Scanner.ScannerFeeds;

/// <summary>Meter "Scanner.FanOut": what the silo side of the feed fan-out publishes, coalesces and delivers.</summary>
public sealed class FanOutMetrics : IDisposable
{
    public const string MeterName = "Scanner.FanOut";

    private readonly Meter _meter;
    private readonly Counter<long> _published;
    private readonly Counter<long> _coalesced;
    private readonly Counter<long> _batches;
    private readonly Counter<long> _delivered;
    private readonly Counter<long> _failures;

    public FanOutMetrics(IMeterFactory meters)
    {
        _meter = meters.Create(MeterName);
        _published = _meter.CreateCounter<long>("scanner.fanout.published", description: "Feed updates handed to the publisher");
        _coalesced = _meter.CreateCounter<long>("scanner.fanout.coalesced", description: "Updates replaced by a newer one before a flush");
        _batches = _meter.CreateCounter<long>("scanner.fanout.batches", description: "Batches sent to gateway observers");
        _delivered = _meter.CreateCounter<long>("scanner.fanout.delivered", description: "Updates sent to gateway observers");
        _failures = _meter.CreateCounter<long>("scanner.fanout.failures", description: "Observer calls or registry polls that failed");
    }

    public void Published() => _published.Add(1);

    public void Coalesced() => _coalesced.Add(1);

    public void Sent(int updates)
    {
        _batches.Add(1);
        _delivered.Add(updates);
    }

    public void Failed() => _failures.Add(1);

    public void Dispose() => _meter.Dispose();
}
