using System.Diagnostics;
using System.Globalization;
using Nastavnik.Cli;
using Nastavnik.Domain.Roadmaps;

namespace Nastavnik.Bench;

/// <summary>
/// `deadlines [--seconds N]`: parses the seed roadmaps' deadline cells over and over for N seconds on one thread and
/// prints phrases per second (BenchmarkDotNet in bench/Nastavnik.Benchmarks gives the per-call statistics).
/// </summary>
public static class DeadlinesBench
{
    public const string Usage = """
        [--seconds 5]
        разбор сроков пяти дорожных карт: фраз в секунду, один поток
        """;

    public static int Run(string[] args)
    {
        var seconds = CliArgs.Parse(args, options: ["--seconds"]).Double("--seconds", 5, 0.01, 3600);
        var phrases = DeadlineSamples.SeedPhrases;
        var columns = DeadlineSamples.DubnaColumns;
        var perPass = phrases.Count + columns.Count;
        var sink = 0;
        int Pass()
        {
            var n = 0;
            foreach (var (text, period) in phrases) n += DeadlineParser.Parse(text, period).Occurrences.Count;
            foreach (var (start, end) in columns) n += DeadlineParser.FromColumns(start, end, DeadlineSamples.DubnaPeriod).Occurrences.Count;
            return n;
        }

        // Warm-up: JIT and tiered compilation settle before the clock starts.
        var warm = Stopwatch.StartNew();
        while (warm.ElapsedMilliseconds < 500) sink += Pass();

        long parsed = 0;
        var clock = Stopwatch.StartNew();
        var limit = TimeSpan.FromSeconds(seconds);
        while (clock.Elapsed < limit)
        {
            sink += Pass();
            parsed += perPass;
        }
        clock.Stop();
        var rate = parsed / clock.Elapsed.TotalSeconds;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Разбор сроков: {rate:F0} фраз/с ({parsed} фраз за {clock.Elapsed.TotalSeconds:F2} с, один поток, {perPass} фраз пяти дорожных карт за проход, контрольная сумма {sink})"));
        return 0;
    }
}
