using Scanner.Scanners;
using static Scanner.Tests.Unit.Scanners.Rows;

namespace Scanner.Tests.Unit.Scanners;

public class TopKTests
{
    [Fact]
    public void Ranks_descending_with_ties_broken_by_symbol()
    {
        var top = TopK.Select([Row("B", 500), Row("A", 500), Row("C", 900), Row("D", 100)], RankingScanner.TopVolume);
        Assert.Equal(["C", "A", "B", "D"], top.Select(r => r.Symbol));
    }

    [Fact]
    public void Each_scanner_ranks_by_its_own_figure()
    {
        ScannerRow[] rows =
        [
            Row("VOL", accumulatedVolume: 9_000, pctChange: 1, pctSinceOpen: 1, relativeVolume: 1),
            Row("GAP", accumulatedVolume: 1_000, pctChange: 30, pctSinceOpen: -2, relativeVolume: 2),
            Row("RUN", accumulatedVolume: 2_000, pctChange: 5, pctSinceOpen: 25, relativeVolume: 3),
            Row("DUMP", accumulatedVolume: 3_000, pctChange: -40, pctSinceOpen: -10, relativeVolume: 9),
        ];
        Assert.Equal("VOL", TopK.Select(rows, RankingScanner.TopVolume)[0].Symbol);
        Assert.Equal("GAP", TopK.Select(rows, RankingScanner.TopGappers)[0].Symbol);
        Assert.Equal("RUN", TopK.Select(rows, RankingScanner.TopGainers)[0].Symbol);
        Assert.Equal(["DUMP", "VOL", "RUN", "GAP"], TopK.Select(rows, RankingScanner.TopLosers).Select(r => r.Symbol));
        Assert.Equal("DUMP", TopK.Select(rows, RankingScanner.TopRelativeVolume)[0].Symbol);
    }

    [Fact]
    public void Rows_without_the_ranked_figure_are_left_out()
    {
        ScannerRow[] rows =
        [
            Row("NOOPEN", officialOpen: 0, pctSinceOpen: 0),
            Row("NOPREV", prevClose: 0, pctChange: 0),
            Row("NOAVG", avgVolume: 0, relativeVolume: 0),
            Row("NOVOL", accumulatedVolume: 0),
            Row("NOPRICE", close: 0),
        ];
        Assert.DoesNotContain(TopK.Select(rows, RankingScanner.TopGainers), r => r.Symbol is "NOOPEN" or "NOPRICE");
        Assert.DoesNotContain(TopK.Select(rows, RankingScanner.TopGappers), r => r.Symbol is "NOPREV" or "NOPRICE");
        Assert.DoesNotContain(TopK.Select(rows, RankingScanner.TopLosers), r => r.Symbol is "NOPREV");
        Assert.DoesNotContain(TopK.Select(rows, RankingScanner.TopRelativeVolume), r => r.Symbol is "NOAVG");
        Assert.DoesNotContain(TopK.Select(rows, RankingScanner.TopVolume), r => r.Symbol is "NOVOL");
    }

    [Fact]
    public void Keeps_at_most_k_rows()
    {
        var rows = Enumerable.Range(0, 1200).Select(i => Row($"S{i:0000}", accumulatedVolume: i + 1)).ToList();
        var top = TopK.Select(rows, RankingScanner.TopVolume);
        Assert.Equal(RankingScanner.Size, top.Length);
        Assert.Equal("S1199", top[0].Symbol);
        Assert.Equal("S0700", top[^1].Symbol);
    }

    [Fact]
    public void Merging_shard_top_lists_equals_ranking_everything()
    {
        var random = new Random(7);
        var rows = Enumerable.Range(0, 3000)
            .Select(i => Row($"T{i}", accumulatedVolume: random.Next(1, 50) * 1000, pctChange: random.Next(-50, 50)))
            .ToList();
        foreach (var scanner in RankingScanner.All)
        {
            var shards = rows.GroupBy(r => RankingShards.ShardOf(r.Symbol, 8)).Select(g => TopK.Select(g, scanner));
            Assert.Equal(TopK.Select(rows, scanner), TopK.Merge(shards, scanner));
        }
    }

    [Fact]
    public void Shard_of_a_symbol_is_stable_and_spreads_symbols()
    {
        Assert.Equal(RankingShards.ShardOf("AAPL", 8), RankingShards.ShardOf("AAPL", 8));
        var counts = Enumerable.Range(0, 8000).GroupBy(i => RankingShards.ShardOf($"S{i}", 8)).Select(g => g.Count()).ToList();
        Assert.Equal(8, counts.Count);
        Assert.All(counts, c => Assert.InRange(c, 700, 1300));
    }
}
