using System.Diagnostics;
using System.Globalization;
using Nastavnik.Cli;
using Nastavnik.Domain.Matching;

namespace Nastavnik.Bench;

/// <summary>
/// `match`: for each size (mentees:municipalities) generates an instance and writes it to a temporary
/// file, then measures everything else in a child process of its own (`match-one <file>`), so that each size's
/// peak memory (VmHWM) is its own: load (parsing the file), components, solve, explanations, the gap against
/// <see cref="ReferenceSolver"/> when small enough, and the churn after a 1% perturbation re-solved with the incumbent bonus.
/// </summary>
public static class MatchBench
{
    private const string DefaultSizes = "100000:1000,1000000:10000,100000:1";

    public const string Usage = """
        [--sizes 100000:1000,1000000:10000,100000:1] [--candidates 20] [--threads N] [--reference-max 20000] [--bonus 30] [--seed S] [--quick]
        подбор пар на сгенерированных задачах (наставляемых:муниципалитетов), каждый размер в своём процессе: загрузка
        файла, компоненты, решение, объяснения, пиковая память, total, matched, разрыв с эталонным решателем, смена пар
        после 1% изменений; --quick — малые размеры для проверки
        """;

    public static async Task<int> RunAsync(string[] args)
    {
        var a = CliArgs.Parse(args, options: ["--sizes", "--candidates", "--threads", "--reference-max", "--bonus", "--seed"], flags: ["--quick"]);
        var quick = a.Has("--quick");
        var candidates = a.Int("--candidates", quick ? 8 : 20, 1, 1000);
        var threads = a.Int("--threads", 0, 0, 1024);
        var referenceMax = a.Int("--reference-max", 20_000, 0, 10_000_000);
        var bonus = a.Int("--bonus", 30, 0, 1000);
        var seed = a.ULong("--seed", 1);
        var sizesText = a.Value("--sizes") ?? (quick ? "400:4,200:1" : DefaultSizes);
        var sizes = new List<(int Mentees, int Municipalities)>();
        foreach (var part in sizesText.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var pair = part.Split(':');
            if (pair.Length != 2 || !int.TryParse(pair[0], NumberStyles.None, CultureInfo.InvariantCulture, out var n)
                || !int.TryParse(pair[1], NumberStyles.None, CultureInfo.InvariantCulture, out var g) || n is < 1 or > 20_000_000 || g < 1)
            {
                throw CliException.Usage($"--sizes ожидает список «наставляемых:муниципалитетов» через запятую (например {DefaultSizes}), а задано «{part}»");
            }
            sizes.Add((n, g));
        }
        if (sizes.Count == 0) throw CliException.Usage("--sizes: пустой список размеров");

        Console.WriteLine($"Команда: nastavnik-bench match {string.Join(' ', args)}".TrimEnd());
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Ядер: {Environment.ProcessorCount}; потоков решателя: {(threads == 0 ? "все" : threads.ToString(CultureInfo.InvariantCulture))}; кандидатов на наставляемого: {candidates}; наставников ≈ N/3, ёмкость 1..5, 5% связей между муниципалитетами; бонус действующей пары {bonus}"));
        Console.WriteLine("Времена в секундах; пик — VmHWM дочернего процесса после загрузки, решения и объяснений (в скобках — с возмущением); разрыв — эталон минус наш total (эталон считается, пока наставляемых не больше --reference-max); смена — доля нетронутых наставляемых, сменивших наставника.");
        Console.WriteLine();
        var header = new[] { "наставляемых:мун.", "наставников", "пар-кандидатов", "создание", "загрузка", "компоненты", "решение", "объяснения",
            "пик, МБ", "total", "matched", "разрыв" };
        var rows = new List<string[]>();
        var churnRows = new List<string[]>();
        foreach (var (n, g) in sizes)
        {
            var path = Path.Combine(Path.GetTempPath(), $"nastavnik-bench-match-{Guid.NewGuid():N}.txt");
            try
            {
                var clock = Stopwatch.StartNew();
                var instance = InstanceGenerator.Generate(n, municipalities: g, candidates: candidates, seed: seed);
                InstanceFile.Write(instance, path);
                var generated = clock.Elapsed.TotalSeconds;
                instance = null;
                GC.Collect();

                var child = await RunChildAsync(["match-one", path, "--threads", $"{threads}", "--reference-max", $"{referenceMax}",
                    "--bonus", $"{bonus}", "--seed", $"{seed}"]);
                if (child is null) return 1;
                string F(string key) => child.GetValueOrDefault(key, "—");
                rows.Add([$"{n}:{g}", F("mentors"), F("edges"), string.Create(CultureInfo.InvariantCulture, $"{generated:F2}"), F("load"),
                    $"{F("components")} за {F("components_s")}", F("solve"), F("explain"), $"{F("peak_mb")} ({F("peak_all_mb")})",
                    F("total"), F("matched"), child.ContainsKey("gap") ? $"{F("gap")} (эталон {F("reference_s")} с)" : "—"]);
                foreach (var (code, _) in PerturbationKinds)
                {
                    churnRows.Add([$"{n}:{g}", PerturbationTitles[code], F("churn_" + code), F("churn0_" + code), F("loss_" + code)]);
                }
                Console.WriteLine($"  {n}:{g} — готово");
            }
            finally
            {
                File.Delete(path);
            }
        }
        Console.WriteLine();
        PrintTable(header, rows);
        Console.WriteLine();
        Console.WriteLine($"Устойчивость: доля нетронутых наставляемых (без новых баллов, их наставник не выбыл), сменивших наставника после возмущения, с бонусом действующей пары {bonus} и без него; потеря — total с бонусом против оптимума возмущённой задачи.");
        PrintTable(["наставляемых:мун.", "возмущение", "смена, %", "без бонуса, %", "потеря, %"], churnRows);
        Console.WriteLine();
        Console.WriteLine("Цели (2 ядра): 100000:1000 — решение ≤ 1 с, пик ≤ 300 МБ; 1000000:10000 — ≤ 10 с, ≤ 1,5 ГБ; 100000:1 — ≤ 10 с; разрыв 0; после 1% возмущения смена ≤ 1,5% при потере ≤ 0,05%.");
        return 0;
    }

    private static void PrintTable(string[] header, List<string[]> rows)
    {
        var widths = header.Select((h, c) => Math.Max(h.Length, rows.Count == 0 ? 0 : rows.Max(r => r[c].Length))).ToArray();
        Console.WriteLine(string.Join(" | ", header.Select((h, c) => h.PadLeft(widths[c]))));
        Console.WriteLine(string.Join("-+-", widths.Select(w => new string('-', w))));
        foreach (var row in rows) Console.WriteLine(string.Join(" | ", row.Select((v, c) => v.PadLeft(widths[c]))));
    }

    /// <summary>Runs this executable again with the given arguments; returns the key=value pairs of its `result` line.</summary>
    private static async Task<Dictionary<string, string>?> RunChildAsync(string[] args)
    {
        var host = Environment.ProcessPath ?? "dotnet";
        var start = new ProcessStartInfo { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        if (Path.GetFileNameWithoutExtension(host) == typeof(MatchBench).Assembly.GetName().Name)
        {
            start.FileName = host;
        }
        else
        {
            // Under `dotnet nastavnik-bench.dll` or a test host: run our own assembly with the dotnet muxer.
            start.FileName = Path.GetFileNameWithoutExtension(host) == "dotnet" ? host : Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet";
            start.ArgumentList.Add(typeof(MatchBench).Assembly.Location);
        }
        foreach (var arg in args) start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        var line = (await stdout).Split('\n').Select(l => l.Trim()).LastOrDefault(l => l.StartsWith("result ", StringComparison.Ordinal));
        if (process.ExitCode != 0 || line is null)
        {
            Console.Error.WriteLine($"Ошибка: дочерний процесс замера завершился с кодом {process.ExitCode}: {await stderr}");
            return null;
        }
        return line.Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1)
            .Select(p => p.Split('=', 2)).Where(p => p.Length == 2).ToDictionary(p => p[0], p => p[1]);
    }

    public const string RunOneUsage = """
        ФАЙЛ [--threads N] [--reference-max 20000] [--bonus 30] [--seed S]
        один размер замера match в отдельном процессе (его запускает match); одна строка result ключ=значение …
        """;

    /// <summary>`match-one <instance> …` (not listed): one size, measured in a fresh process; prints one `result k=v …` line.</summary>
    public static int RunOne(string[] args)
    {
        var a = CliArgs.Parse(args, options: ["--threads", "--reference-max", "--bonus", "--seed"], positional: 1);
        if (a.Positional is not [var path]) throw CliException.Usage("укажите файл задачи");
        var threads = a.Int("--threads", 0, 0, 1024);
        var referenceMax = a.Int("--reference-max", 20_000, 0, int.MaxValue);
        var bonus = a.Int("--bonus", 30, 0, 1000);
        var seed = a.ULong("--seed", 1);
        var result = new List<string>();
        void Put(string key, object value) => result.Add(string.Create(CultureInfo.InvariantCulture, $"{key}={value}"));
        string Seconds(Stopwatch clock) => clock.Elapsed.TotalSeconds.ToString("F3", CultureInfo.InvariantCulture);

        var clock = Stopwatch.StartNew();
        var instance = MatchCommand.Load(path);
        Put("load", Seconds(clock));
        Put("mentors", instance.MentorCount);
        Put("edges", instance.EdgeCount);

        clock.Restart();
        var components = CountComponents(instance);
        Put("components", components);
        Put("components_s", Seconds(clock));

        clock.Restart();
        var solved = MatchSolver.Solve(instance, new SolveOptions(Threads: threads));
        Put("solve", Seconds(clock));
        Put("total", solved.Total);
        Put("matched", solved.Matched);

        clock.Restart();
        var (alternative, alternativeScore) = BestAlternatives(instance, solved.MentorOf);
        Put("explain", Seconds(clock));
        Put("peak_mb", PeakMegabytes());
        GC.KeepAlive(alternative);
        GC.KeepAlive(alternativeScore);

        if (instance.MenteeCount <= referenceMax)
        {
            clock.Restart();
            var reference = ReferenceSolver.Solve(instance);
            Put("gap", reference.Total - solved.Total);
            Put("reference_s", Seconds(clock));
        }

        foreach (var (code, shares) in PerturbationKinds)
        {
            var (churn, churnWithoutBonus, loss) = Perturbation(instance, solved.MentorOf, threads, bonus, seed, shares);
            Put("churn_" + code, churn.ToString("F2", CultureInfo.InvariantCulture));
            Put("churn0_" + code, churnWithoutBonus.ToString("F2", CultureInfo.InvariantCulture));
            Put("loss_" + code, loss.ToString("F4", CultureInfo.InvariantCulture));
        }
        Put("peak_all_mb", PeakMegabytes());
        Console.WriteLine("result " + string.Join(' ', result));
        return 0;
    }

    internal static int CountComponents(MatchInstance instance)
    {
        var n = instance.MenteeCount;
        var parent = new int[n + instance.MentorCount];
        for (var x = 0; x < parent.Length; x++) parent[x] = x;
        int Find(int x)
        {
            while (parent[x] != x) x = parent[x] = parent[parent[x]];
            return x;
        }
        var count = n;  // every mentee alone, then each union of two mentee-holding sets removes one
        var holds = new bool[parent.Length];
        for (var i = 0; i < n; i++) holds[i] = true;
        for (var i = 0; i < n; i++)
        {
            for (var e = instance.EdgeStart[i]; e < instance.EdgeStart[i + 1]; e++)
            {
                var (a, b) = (Find(i), Find(n + instance.EdgeMentor[e]));
                if (a == b) continue;
                if (holds[a] && holds[b]) count--;
                parent[a] = b;
                holds[b] |= holds[a];
            }
        }
        return count;
    }

    /// <summary>The «почему» of every pair: the highest-scoring other candidate of each matched mentee (-1 none).</summary>
    internal static (int[] Mentor, int[] Score) BestAlternatives(MatchInstance instance, int[] mentorOf)
    {
        var mentor = new int[instance.MenteeCount];
        var score = new int[instance.MenteeCount];
        for (var i = 0; i < instance.MenteeCount; i++)
        {
            mentor[i] = -1;
            if (mentorOf[i] < 0) continue;
            for (var e = instance.EdgeStart[i]; e < instance.EdgeStart[i + 1]; e++)
            {
                var j = instance.EdgeMentor[e];
                if (j == mentorOf[i] || instance.EdgeScore[e] <= score[i]) continue;
                (mentor[i], score[i]) = (j, instance.EdgeScore[e]);
            }
        }
        return (mentor, score);
    }

    /// <summary>
    /// Rescores 1% of the mentees, adds 1% new ones (the candidates of a random mentee, own scores) and removes 1% of
    /// the mentors, then solves with the previous pairs as the incumbent (with the bonus) and without. Returns the
    /// share (%) of untouched mentees — not rescored, not new, mentor not removed — whose mentor changed, with and
    /// without the bonus, and the loss of total (%) of the bonused solution against the true optimum.
    /// </summary>
    internal static (double Churn, double ChurnWithoutBonus, double Loss) Perturbation(MatchInstance instance, int[] before, int threads, int bonus, ulong seed,
        Shares? shares = null)
    {
        shares ??= new Shares(0.01, 0.01, 0.01);
        var rnd = new Random((int)(seed % int.MaxValue) + 7);
        var n = instance.MenteeCount;
        var m = instance.MentorCount;
        var added = (int)(n * shares.Added);
        var rescored = new bool[n];
        for (var k = 0; k < (int)(n * shares.Rescored); k++) rescored[rnd.Next(n)] = true;
        var removed = new bool[m];
        for (var k = 0; k < (int)(m * shares.Removed); k++) removed[rnd.Next(m)] = true;
        int NewScore(int old) => Math.Clamp(old + (int)Math.Round(150 * (rnd.NextDouble() * 2 - 1)), 1, 1000);

        var start = new int[n + added + 1];
        var mentors = new List<int>(instance.EdgeCount + added * 32);
        var scores = new List<int>(mentors.Capacity);
        for (var i = 0; i < n + added; i++)
        {
            var source = i < n ? i : rnd.Next(n);
            for (var e = instance.EdgeStart[source]; e < instance.EdgeStart[source + 1]; e++)
            {
                var j = instance.EdgeMentor[e];
                if (removed[j]) continue;
                mentors.Add(j);
                scores.Add(i >= n || rescored[i] ? NewScore(instance.EdgeScore[e]) : instance.EdgeScore[e]);
            }
            start[i + 1] = mentors.Count;
        }
        var capacity = (int[])instance.Capacity.Clone();
        for (var j = 0; j < m; j++) if (removed[j]) capacity[j] = 0;
        var perturbed = new MatchInstance(capacity, start, mentors.ToArray(), scores.ToArray());

        var incumbent = new int[n + added];
        Array.Fill(incumbent, -1);
        for (var i = 0; i < n; i++) if (before[i] >= 0 && !removed[before[i]]) incumbent[i] = before[i];
        var kept = MatchSolver.Solve(perturbed, new SolveOptions(Threads: threads, Incumbent: incumbent, IncumbentBonus: bonus));
        var optimum = MatchSolver.Solve(perturbed, new SolveOptions(Threads: threads));

        int untouched = 0, changed = 0, changedWithoutBonus = 0;
        for (var i = 0; i < n; i++)
        {
            if (rescored[i] || (before[i] >= 0 && removed[before[i]])) continue;
            untouched++;
            if (kept.MentorOf[i] != before[i]) changed++;
            if (optimum.MentorOf[i] != before[i]) changedWithoutBonus++;
        }
        double Share(int k) => untouched == 0 ? 0 : 100.0 * k / untouched;
        var loss = optimum.Total == 0 ? 0 : 100.0 * (optimum.Total - kept.Total) / optimum.Total;
        return (Share(changed), Share(changedWithoutBonus), loss);
    }

    /// <summary>What a perturbation changes: the share of mentees rescored, of new mentees added, of mentors removed.</summary>
    internal sealed record Shares(double Rescored, double Added, double Removed);

    /// <summary>
    /// The perturbations measured: each kind alone at 1%, a 1% perturbation made of all three kinds (⅓% each), and all
    /// three kinds at 1% each (3% in all) as a stress figure.
    /// </summary>
    internal static readonly (string Code, Shares Shares)[] PerturbationKinds =
    [
        ("rescore", new Shares(0.01, 0, 0)), ("add", new Shares(0, 0.01, 0)), ("remove", new Shares(0, 0, 0.01)),
        ("mix", new Shares(0.01 / 3, 0.01 / 3, 0.01 / 3)), ("all", new Shares(0.01, 0.01, 0.01)),
    ];

    private static readonly Dictionary<string, string> PerturbationTitles = new()
    {
        ["rescore"] = "1% наставляемых с новыми баллами",
        ["add"] = "1% новых наставляемых",
        ["remove"] = "1% наставников выбыли",
        ["mix"] = "1% в сумме (по ⅓% каждого вида)",
        ["all"] = "все три вида по 1% (3%)",
    };

    /// <summary>This process's peak resident memory (VmHWM), in MB.</summary>
    private static long PeakMegabytes()
    {
        if (File.Exists("/proc/self/status"))
        {
            foreach (var line in File.ReadLines("/proc/self/status"))
            {
                if (!line.StartsWith("VmHWM:", StringComparison.Ordinal)) continue;
                var kb = long.Parse(line["VmHWM:".Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
                return kb / 1024;
            }
        }
        return Process.GetCurrentProcess().PeakWorkingSet64 / (1024 * 1024);
    }
}
