using System.Diagnostics;
using System.Globalization;
using System.Text;
using Nastavnik.Domain.Matching;

namespace Nastavnik.Cli;

/// <summary>
/// `nastavnik match solve|generate|dimacs`: the matcher on instance files, for benchmarks, reference checks and scripts.
/// Every user error (bad option, missing file, malformed line) prints a Russian message to stderr and exits with 2.
/// </summary>
public static class MatchCommand
{
    /// <summary>The instance format is told here, with the verb that reads it.</summary>
    public const string SolveUsage = """
        ФАЙЛ [--threads N] [--out ФАЙЛ_ПАР]
        оптимальный подбор пар по файлу задачи; строка total=… matched=… seconds=…, пары «p наставляемый наставник»;
        файл: mentors M, mentees N, m <наставник> <ёмкость>, e <наставляемый> <наставник> <балл 1..1000>,
        строки c — комментарии, номера с 1; ошибка в файле — номер строки и код выхода 2
        """;

    public const string GenerateUsage = """
        --mentees N [--mentor-ratio 3] [--capacity 1..5] [--municipalities G] [--candidates K] [--cross-share 0.05] [--seed S] --out ФАЙЛ
        создать реалистичную задачу подбора: популярные наставники, муниципалитеты, доля связей между ними
        """;

    public const string DimacsUsage = """
        ФАЙЛ --out ФАЙЛ.min
        та же задача как поток минимальной стоимости в формате DIMACS (оптимум = −total)
        """;

    /// <summary>`match solve <instance> [--threads N] [--out <pairs>]`: one summary line; pairs as `p <mentee> <mentor>`.</summary>
    public static int Solve(string[] args)
    {
        var a = CliArgs.Parse(args, options: ["--threads", "--out"], positional: 1);
        if (a.Positional is not [var path]) throw CliException.Usage("укажите файл задачи");
        var threads = a.Int("--threads", 0, 0, 1024);
        var instance = Load(path);

        var clock = Stopwatch.StartNew();
        var result = MatchSolver.Solve(instance, new SolveOptions(Threads: threads));
        clock.Stop();

        if (a.Value("--out") is { } outPath)
        {
            try
            {
                using var writer = new StreamWriter(outPath, false, new UTF8Encoding(false), 1 << 16);
                InstanceFile.WritePairs(result.MentorOf, writer);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new CliException($"не удалось записать файл пар «{outPath}»: {e.Message}", 2);
            }
        }
        Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"total={result.Total} matched={result.Matched} seconds={clock.Elapsed.TotalSeconds:F3}"));
        return 0;
    }

    /// <summary>`match generate --mentees N … --out <instance>`: a realistic instance (see <see cref="InstanceGenerator"/>).</summary>
    public static int Generate(string[] args)
    {
        var a = CliArgs.Parse(args, options: ["--mentees", "--mentor-ratio", "--capacity", "--municipalities", "--candidates", "--cross-share", "--seed", "--out"]);
        if (a.Value("--mentees") is null) throw CliException.Usage("не задано --mentees N");
        if (a.Value("--out") is not { } outPath) throw CliException.Usage("не задан --out <файл задачи>");
        var mentees = a.Int("--mentees", 0, 1, 50_000_000);
        var ratio = a.Double("--mentor-ratio", 3, 0.01, 1000);
        var municipalities = a.Int("--municipalities", 1, 1, 10_000_000);
        var candidates = a.Int("--candidates", 20, 1, 1000);
        var cross = a.Double("--cross-share", 0.05, 0, 1);
        var seed = a.ULong("--seed", 1);
        var (capacityMin, capacityMax) = Capacity(a);

        var clock = Stopwatch.StartNew();
        (int Mentors, long Edges) written;
        try
        {
            using var writer = new StreamWriter(outPath, false, new UTF8Encoding(false), 1 << 16);
            written = InstanceGenerator.Write(writer, mentees, ratio, capacityMin, capacityMax, municipalities, candidates, cross, seed);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CliException($"не удалось записать файл «{outPath}»: {e.Message}", 2);
        }
        Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"mentees={mentees} mentors={written.Mentors} edges={written.Edges} seconds={clock.Elapsed.TotalSeconds:F3}"));
        return 0;
    }

    /// <summary>`match dimacs <instance> --out <file.min>`: the equivalent min-cost flow (optimum cost = −total).</summary>
    public static int ToDimacs(string[] args)
    {
        var a = CliArgs.Parse(args, options: ["--out"], positional: 1);
        if (a.Positional is not [var path]) throw CliException.Usage("укажите файл задачи");
        if (a.Value("--out") is not { } outPath) throw CliException.Usage("не задан --out <файл.min>");
        var instance = Load(path);
        try
        {
            using var writer = new StreamWriter(outPath, false, new UTF8Encoding(false), 1 << 16);
            Dimacs.Write(instance, writer);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CliException($"не удалось записать файл «{outPath}»: {e.Message}", 2);
        }
        return 0;
    }

    /// <summary>Reads an instance file; a missing, unreadable or malformed one (with the line number) is an error with exit code 2.</summary>
    public static MatchInstance Load(string path)
    {
        try
        {
            return InstanceFile.Read(path);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new CliException($"файл «{path}» не найден", 2);
        }
        catch (InstanceFormatException e)
        {
            throw new CliException($"файл «{path}», {e.Message}", 2);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CliException($"не удалось прочитать файл «{path}»: {e.Message}", 2);
        }
    }

    /// <summary>`--capacity 1..5` (or one number for all mentors).</summary>
    private static (int Min, int Max) Capacity(CliArgs a)
    {
        if (a.Value("--capacity") is not { } text) return (1, 5);
        var parts = text.Split("..");
        if (parts.Length is 1 or 2
            && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var min)
            && int.TryParse(parts[^1], NumberStyles.None, CultureInfo.InvariantCulture, out var max)
            && min <= max && max <= 1000)
        {
            return (min, max);
        }
        throw CliException.Usage($"--capacity ожидает диапазон ёмкостей «от..до» (например 1..5, не больше 1000), а задано «{text}»");
    }
}
