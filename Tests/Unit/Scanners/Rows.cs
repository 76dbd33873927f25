using Scanner.Scanners;

namespace Scanner.Tests.Unit.Scanners;

internal static class Rows
{
    public static ScannerRow Row(
        string symbol, long accumulatedVolume = 1000, double pctChange = 0, double pctSinceOpen = 0,
        double relativeVolume = 0, int day = 20131007, double close = 5, double prevClose = 5, double officialOpen = 5,
        double avgVolume = 1000) =>
        new(symbol, day, 10, 0, accumulatedVolume, relativeVolume, officialOpen, close, close, close, close, close, close,
            50, avgVolume, prevClose, 0, 0, 0, 0, 0, 0, pctChange, 0, pctSinceOpen, 1, 2, 2, 0, 0, 0, 0, 0);
}
