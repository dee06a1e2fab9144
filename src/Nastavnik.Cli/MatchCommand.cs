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
    public static int Run(string[] args) => args.FirstOrDefault() switch
    {
        "solve" => Solve(args[1..]),
        "generate" => Generate(args[1..]),
        "dimacs" => ToDimacs(args[1..]),
        _ => Usage(),
    };

    /// <summary>`match solve <instance> [--threads N] [--out <pairs>]`: one summary line; pairs as `p <mentee> <mentor>`.</summary>
    private static int Solve(string[] args)
    {
        if (!Options.TryParse(args, ["--threads", "--out"], out var options, out var error)) return Fail(error);
        if (options.Positional.Count != 1) return Fail("укажите один файл задачи: nastavnik match solve <файл> [--threads N] [--out <файл пар>]");
        if (!options.Int("--threads", 0, 0, 1024, out var threads, out error)) return Fail(error);
        if (Load(options.Positional[0], out var instance) is { } loadError) return Fail(loadError);

        var clock = Stopwatch.StartNew();
        var result = MatchSolver.Solve(instance, new SolveOptions(Threads: threads));
        clock.Stop();

        if (options.Values.TryGetValue("--out", out var outPath))
        {
            try
            {
                using var writer = new StreamWriter(outPath, false, new UTF8Encoding(false), 1 << 16);
                InstanceFile.WritePairs(result.MentorOf, writer);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                return Fail($"не удалось записать файл пар «{outPath}»: {e.Message}");
            }
        }
        Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"total={result.Total} matched={result.Matched} seconds={clock.Elapsed.TotalSeconds:F3}"));
        return 0;
    }

    /// <summary>`match generate --mentees N … --out <instance>`: a realistic instance (see <see cref="InstanceGenerator"/>).</summary>
    private static int Generate(string[] args)
    {
        string[] known = ["--mentees", "--mentor-ratio", "--capacity", "--municipalities", "--candidates", "--cross-share", "--seed", "--out"];
        if (!Options.TryParse(args, known, out var options, out var error)) return Fail(error);
        if (options.Positional.Count > 0) return Fail($"лишний аргумент «{options.Positional[0]}»");
        if (!options.Values.ContainsKey("--mentees")) return Fail("не задано --mentees N");
        if (!options.Values.TryGetValue("--out", out var outPath)) return Fail("не задан --out <файл задачи>");
        if (!options.Int("--mentees", 0, 1, 50_000_000, out var mentees, out error)
            || !options.Double("--mentor-ratio", 3, 0.01, 1000, out var ratio, out error)
            || !options.Int("--municipalities", 1, 1, 10_000_000, out var municipalities, out error)
            || !options.Int("--candidates", 20, 1, 1000, out var candidates, out error)
            || !options.Double("--cross-share", 0.05, 0, 1, out var cross, out error)
            || !options.Seed(out var seed, out error)
            || !options.Capacity(out var capacityMin, out var capacityMax, out error))
        {
            return Fail(error);
        }

        var clock = Stopwatch.StartNew();
        (int Mentors, long Edges) written;
        try
        {
            using var writer = new StreamWriter(outPath, false, new UTF8Encoding(false), 1 << 16);
            written = InstanceGenerator.Write(writer, mentees, ratio, capacityMin, capacityMax, municipalities, candidates, cross, seed);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return Fail($"не удалось записать файл «{outPath}»: {e.Message}");
        }
        Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"mentees={mentees} mentors={written.Mentors} edges={written.Edges} seconds={clock.Elapsed.TotalSeconds:F3}"));
        return 0;
    }

    /// <summary>`match dimacs <instance> --out <file.min>`: the equivalent min-cost flow (optimum cost = −total).</summary>
    private static int ToDimacs(string[] args)
    {
        if (!Options.TryParse(args, ["--out"], out var options, out var error)) return Fail(error);
        if (options.Positional.Count != 1) return Fail("укажите один файл задачи: nastavnik match dimacs <файл> --out <файл.min>");
        if (!options.Values.TryGetValue("--out", out var outPath)) return Fail("не задан --out <файл.min>");
        if (Load(options.Positional[0], out var instance) is { } loadError) return Fail(loadError);
        try
        {
            using var writer = new StreamWriter(outPath, false, new UTF8Encoding(false), 1 << 16);
            Dimacs.Write(instance, writer);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return Fail($"не удалось записать файл «{outPath}»: {e.Message}");
        }
        return 0;
    }

    /// <summary>Reads an instance file; on failure returns the Russian message (with the line number when malformed).</summary>
    internal static string? Load(string path, out MatchInstance instance)
    {
        instance = null!;
        try
        {
            instance = InstanceFile.Read(path);
            return null;
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return $"файл «{path}» не найден";
        }
        catch (InstanceFormatException e)
        {
            return $"файл «{path}», {e.Message}";
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return $"не удалось прочитать файл «{path}»: {e.Message}";
        }
    }

    internal static int Fail(string message)
    {
        Console.Error.WriteLine($"Ошибка: {message}");
        return 2;
    }

    private static int Usage()
    {
        Console.Error.WriteLine("""
            nastavnik match — подбор пар на файлах задач (формат: mentors M, mentees N, m <наставник> <ёмкость>,
            e <наставляемый> <наставник> <балл 1..1000>, строки c — комментарии; номера с 1)

              match solve <файл> [--threads N] [--out <файл пар>]
                                  оптимальный подбор; строка total=… matched=… seconds=…, пары «p <наставляемый> <наставник>»
              match generate --mentees N [--mentor-ratio 3] [--capacity 1..5] [--municipalities G] [--candidates K]
                             [--cross-share 0.05] [--seed S] --out <файл>
                                  реалистичная задача: популярные наставники, муниципалитеты, доля связей между ними
              match dimacs <файл> --out <файл.min>
                                  та же задача как поток минимальной стоимости в формате DIMACS (оптимум = −total)
            """);
        return 2;
    }

    /// <summary>`--name value` pairs and positional arguments, with Russian messages for anything unexpected.</summary>
    internal sealed class Options
    {
        public List<string> Positional { get; } = [];
        public Dictionary<string, string> Values { get; } = [];
        public HashSet<string> Flags { get; } = [];

        public static bool TryParse(string[] args, string[] known, out Options options, out string error, string[]? flags = null)
        {
            options = new Options();
            error = "";
            for (var i = 0; i < args.Length; i++)
            {
                var arg = args[i];
                if (flags is not null && flags.Contains(arg))
                {
                    options.Flags.Add(arg);
                }
                else if (arg.StartsWith("--", StringComparison.Ordinal))
                {
                    if (!known.Contains(arg)) { error = $"неизвестный параметр «{arg}»"; return false; }
                    if (i + 1 >= args.Length) { error = $"не задано значение для {arg}"; return false; }
                    if (!options.Values.TryAdd(arg, args[++i])) { error = $"параметр {arg} задан дважды"; return false; }
                }
                else
                {
                    options.Positional.Add(arg);
                }
            }
            return true;
        }

        public bool Int(string name, int fallback, int min, int max, out int value, out string error)
        {
            error = "";
            value = fallback;
            if (!Values.TryGetValue(name, out var text)) return true;
            if (int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out value) && value >= min && value <= max) return true;
            error = $"{name} ожидает целое число от {min} до {max}, а задано «{text}»";
            return false;
        }

        public bool Double(string name, double fallback, double min, double max, out double value, out string error)
        {
            error = "";
            value = fallback;
            if (!Values.TryGetValue(name, out var text)) return true;
            if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value) && value >= min && value <= max) return true;
            error = string.Create(CultureInfo.InvariantCulture, $"{name} ожидает число от {min} до {max} (десятичная точка), а задано «{text}»");
            return false;
        }

        public bool Seed(out ulong seed, out string error)
        {
            error = "";
            seed = 1;
            if (!Values.TryGetValue("--seed", out var text)) return true;
            if (ulong.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out seed)) return true;
            error = $"--seed ожидает целое неотрицательное число, а задано «{text}»";
            return false;
        }

        /// <summary>`--capacity 1..5` (or one number for all mentors).</summary>
        public bool Capacity(out int min, out int max, out string error)
        {
            error = "";
            (min, max) = (1, 5);
            if (!Values.TryGetValue("--capacity", out var text)) return true;
            var parts = text.Split("..");
            if (parts.Length is 1 or 2
                && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out min)
                && int.TryParse(parts[^1], NumberStyles.None, CultureInfo.InvariantCulture, out max)
                && min <= max && max <= 1000)
            {
                return true;
            }
            error = $"--capacity ожидает диапазон ёмкостей «от..до» (например 1..5, не больше 1000), а задано «{text}»";
            return false;
        }
    }
}
