using System.Diagnostics;
using System.Globalization;
using Nastavnik.Domain.Roadmaps;

namespace Nastavnik.Cli;

/// <summary>
/// `nastavnik bench …`: whole-job throughput figures measured with a plain Stopwatch on one thread (BenchmarkDotNet in
/// bench/Nastavnik.Benchmarks gives the per-call statistics).
/// </summary>
public static class BenchCommand
{
    public static Task<int> RunAsync(string[] args) => args.FirstOrDefault() switch
    {
        "deadlines" => Task.FromResult(Deadlines(args[1..])),
        "control" => ControlBench.RunAsync(args[1..]),
        "import" => BenchImport.RunAsync(args[1..]),
        "people-import" => PeopleImportBench.RunAsync(args[1..]),
        "search" => SearchBench.RunAsync(args[1..]),
        "match" => MatchBench.RunAsync(args[1..]),
        "watchlist" => WatchlistBench.RunAsync(args[1..]),
        "match-one" => Task.FromResult(MatchBench.RunOne(args[1..])),
        _ => Task.FromResult(Usage()),
    };

    /// <summary>Parses the seed roadmaps' deadline cells over and over for N seconds and prints phrases per second.</summary>
    private static int Deadlines(string[] args)
    {
        if (Seconds(args) is not { } seconds) return 2;
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

    private static double? Seconds(string[] args)
    {
        var seconds = 5.0;
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] == "--seconds" && i + 1 < args.Length
                && double.TryParse(args[i + 1], NumberStyles.Float, CultureInfo.InvariantCulture, out var s) && s > 0 && s <= 3600)
            {
                seconds = s;
                i++;
                continue;
            }
            Console.Error.WriteLine(args[i] == "--seconds"
                ? "Ошибка: --seconds ожидает число секунд больше 0 и не больше 3600"
                : $"Ошибка: непонятный аргумент «{args[i]}»");
            return null;
        }
        return seconds;
    }

    private static int Usage()
    {
        Console.Error.WriteLine("""
            nastavnik bench — замер производительности (один поток)

              bench deadlines [--seconds N]   разбор сроков дорожных карт, фраз в секунду (по умолчанию 5 с)
              bench control [--organizations 1000] [--runs 5] [--date 2022-12-31] [--keep]
                                              контрольный отчёт региона: 1000 организаций × 40 мероприятий × 5 лет
                                              во временной базе (загрузка COPY BINARY), медиана времени, цель ≤ 1 с
              bench import [--items N] [--runs N] [--connection СТРОКА]
                                              импорт .docx на N пунктов (по умолчанию 200): чтение и сохранение черновика;
                                              без строки подключения (или ConnectionStrings__Nastavnik) — только чтение
              bench people-import [--rows 100000] [--format csv|xlsx] [--keep]
                                              импорт N сгенерированных обучающихся с родителями из .csv или .xlsx во временную
                                              базу: чтение, полная проверка, COPY BINARY; секунды и пиковая память, цель ≤ 20 с и ≤ 1 ГБ
              bench search [--people 100000] [--duration 15] [--requests 2000] [--keep]
                                              поиск по началу фамилии в базе наставляемых: муниципалитет из 50 школ и N
                                              обучающихся во временной базе (COPY BINARY), сайт на свободном порту 127.0.0.1,
                                              вход куратора; wrk -t2 -c16 и 16 параллельных запросов HttpClient, цель p95 ≤ 100 мс
              bench match [--sizes 100000:1000,1000000:10000,100000:1] [--candidates 20] [--threads N] [--reference-max 20000]
                          [--bonus 30] [--seed S] [--quick]
                                              подбор пар на сгенерированных задачах (наставляемых:муниципалитетов), каждый размер
                                              в своём процессе: загрузка файла, компоненты, решение, объяснения, пиковая память,
                                              total, matched, разрыв с эталонным решателем, смена пар после 1% изменений
            """);
        return 2;
    }
}
