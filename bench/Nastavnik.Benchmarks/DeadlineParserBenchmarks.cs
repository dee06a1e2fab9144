using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using Nastavnik.Domain.Roadmaps;

namespace Nastavnik.Benchmarks;

/// <summary>
/// One operation parses every deadline cell of the five seed roadmaps once (<see cref="DeadlineSamples"/>: the free-text
/// phrases plus the Дубна start/end column pairs). Phrases per second = operations per second × <see cref="PerPass"/>,
/// shown in the «Phrases/s» column. Target (issue 3): ≥ 100,000 phrases/s on one core.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(PhrasesPerSecondConfig))]
public class DeadlineParserBenchmarks
{
    public static int PerPass => DeadlineSamples.SeedPhrases.Count + DeadlineSamples.DubnaColumns.Count;

    [Benchmark(Description = "Parse all seed deadline phrases")]
    public int ParseSeedPhrases()
    {
        var occurrences = 0;
        foreach (var (text, period) in DeadlineSamples.SeedPhrases) occurrences += DeadlineParser.Parse(text, period).Occurrences.Count;
        foreach (var (start, end) in DeadlineSamples.DubnaColumns)
        {
            occurrences += DeadlineParser.FromColumns(start, end, DeadlineSamples.DubnaPeriod).Occurrences.Count;
        }
        return occurrences;
    }

    private sealed class PhrasesPerSecondConfig : ManualConfig
    {
        public PhrasesPerSecondConfig() => AddColumn(new PhrasesPerSecondColumn());
    }

    private sealed class PhrasesPerSecondColumn : IColumn
    {
        public string Id => nameof(PhrasesPerSecondColumn);
        public string ColumnName => "Phrases/s";
        public bool AlwaysShow => true;
        public ColumnCategory Category => ColumnCategory.Custom;
        public int PriorityInCategory => 0;
        public bool IsNumeric => true;
        public UnitType UnitType => UnitType.Dimensionless;
        public string Legend => $"Deadline phrases parsed per second: {PerPass} phrases per operation / mean time";

        public string GetValue(Summary summary, BenchmarkCase benchmarkCase)
        {
            var report = summary[benchmarkCase];
            if (report?.ResultStatistics is not { } stats || stats.Mean <= 0) return "-";
            return (PerPass / (stats.Mean / 1e9)).ToString("N0", System.Globalization.CultureInfo.InvariantCulture);
        }

        public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style) => GetValue(summary, benchmarkCase);
        public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;
        public bool IsAvailable(Summary summary) => true;
    }
}
