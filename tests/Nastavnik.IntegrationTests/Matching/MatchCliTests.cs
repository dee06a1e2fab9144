using System.Text.RegularExpressions;
using Nastavnik.Domain.Matching;
using Nastavnik.IntegrationTests.Infrastructure;

namespace Nastavnik.IntegrationTests.Matching;

/// <summary>`nastavnik match …` and `nastavnik-bench match` in-process.</summary>
[Collection(Collections.Bases)]
public class MatchCliTests
{
    private const string Small = """
        c two mentors with one place each; the best is 1 → 2 and 2 → 1 (8 + 9), mentee 3 stays unmatched
        mentors 2
        mentees 3
        m 1 1
        m 2 1
        e 1 1 10
        e 1 2 8
        e 2 1 9
        e 3 2 3
        """;

    [Fact]
    public async Task Solve_SmallFile_PrintsSummaryAndWritesPairs()
    {
        var dir = Directory.CreateTempSubdirectory("nastavnik-match").FullName;
        var instance = Path.Combine(dir, "small.txt");
        var pairs = Path.Combine(dir, "pairs.txt");
        await File.WriteAllTextAsync(instance, Small);

        var (code, stdout, stderr) = await CliRunner.RunAsync("match", "solve", instance, "--threads", "2", "--out", pairs);

        Assert.Equal(0, code);
        Assert.Equal("", stderr);
        Assert.Matches(@"^total=17 matched=2 seconds=\d+\.\d{3}$", stdout);
        Assert.Equal("p 1 2\np 2 1\n", await File.ReadAllTextAsync(pairs));
    }

    [Fact]
    public async Task Solve_MalformedLine_ExitsTwoWithLineNumber()
    {
        var instance = Path.Combine(Directory.CreateTempSubdirectory("nastavnik-match").FullName, "bad.txt");
        await File.WriteAllTextAsync(instance, "mentors 1\nmentees 1\nm 1 1\ne 1 1 1500\n");

        var (code, stdout, stderr) = await CliRunner.RunAsync("match", "solve", instance);

        Assert.Equal(2, code);
        Assert.Equal("", stdout);
        Assert.Contains("строка 4: балл 1500 вне диапазона 1..1000", stderr);
    }

    [Fact]
    public async Task Solve_MissingFile_ExitsTwoInRussian()
    {
        var (code, _, stderr) = await CliRunner.RunAsync("match", "solve", "/nonexistent/instance.txt");

        Assert.Equal(2, code);
        Assert.Contains("файл «/nonexistent/instance.txt» не найден", stderr);
    }

    [Theory]
    [InlineData("match", "solve")]
    [InlineData("match", "solve", "a.txt", "--threads", "много")]
    [InlineData("match", "solve", "a.txt", "--frobnicate", "1")]
    [InlineData("match", "generate", "--out", "x.txt")]
    [InlineData("match", "generate", "--mentees", "100")]
    [InlineData("match", "generate", "--mentees", "0", "--out", "x.txt")]
    [InlineData("match", "generate", "--mentees", "100", "--capacity", "5..1", "--out", "x.txt")]
    [InlineData("match", "generate", "--mentees", "100", "--cross-share", "1,5", "--out", "x.txt")]
    [InlineData("match", "dimacs", "a.txt")]
    [InlineData("match", "frobnicate")]
    public async Task Match_BadArguments_ExitsTwoInRussian(params string[] args)
    {
        var (code, stdout, stderr) = await CliRunner.RunAsync(args);

        Assert.Equal(2, code);
        Assert.Equal("", stdout);
        Assert.Matches("[а-яА-Я]", stderr);
    }

    [Fact]
    public async Task BenchMatch_BadSizes_ExitsTwoInRussian()
    {
        var (code, stdout, stderr) = await CliRunner.BenchAsync("match", "--sizes", "100000");

        Assert.Equal(2, code);
        Assert.Equal("", stdout);
        Assert.Contains("--sizes ожидает список", stderr);
    }

    [Fact]
    public async Task Generate_ThenSolve_ReachesTheReferenceOptimum()
    {
        var dir = Directory.CreateTempSubdirectory("nastavnik-match").FullName;
        var instance = Path.Combine(dir, "gen.txt");

        var generated = await CliRunner.RunAsync("match", "generate", "--mentees", "600", "--mentor-ratio", "2.5", "--capacity", "1..3",
            "--municipalities", "6", "--candidates", "7", "--cross-share", "0.1", "--seed", "12", "--out", instance);
        var solved = await CliRunner.RunAsync("match", "solve", instance);

        Assert.Equal(0, generated.Code);
        Assert.Matches(@"^mentees=600 mentors=240 edges=\d+ seconds=", generated.Out);
        Assert.Equal(0, solved.Code);
        var read = InstanceFile.Read(instance);
        Assert.All(read.Capacity, c => Assert.InRange(c, 1, 3));
        var total = long.Parse(Regex.Match(solved.Out, @"^total=(\d+)").Groups[1].Value);
        Assert.Equal(ReferenceSolver.Solve(read).Total, total);
    }

    [Fact]
    public async Task Dimacs_SmallFile_WritesTheNetwork()
    {
        var dir = Directory.CreateTempSubdirectory("nastavnik-match").FullName;
        var instance = Path.Combine(dir, "small.txt");
        var min = Path.Combine(dir, "small.min");
        await File.WriteAllTextAsync(instance, Small);

        var (code, _, stderr) = await CliRunner.RunAsync("match", "dimacs", instance, "--out", min);

        Assert.Equal(0, code);
        Assert.Equal("", stderr);
        var lines = await File.ReadAllLinesAsync(min);
        Assert.Contains("p min 7 12", lines);   // 3 + 2 + 2 nodes; 2·3 + 4 + 2 arcs
        Assert.Contains("n 1 3", lines);
        Assert.Contains("n 7 -3", lines);
        Assert.Contains("a 2 6 0 1 -8", lines); // mentee 1 → mentor 2 for 8 points
        Assert.Equal(12, lines.Count(l => l.StartsWith("a ")));
    }

    [Fact]
    public async Task BenchMatch_Quick_PrintsTableWithZeroGap()
    {
        var (code, stdout, stderr) = await CliRunner.BenchAsync("match", "--quick");

        Assert.True(code == 0, stderr);
        Assert.Contains("Ядер: ", stdout);
        Assert.Contains("Команда: nastavnik-bench match --quick", stdout);
        var rows = stdout.Split('\n').Select(l => l.Split('|').Select(c => c.Trim()).ToArray()).Where(c => c.Length == 12).ToArray();
        var header = rows[0];
        Assert.Equal("решение", header[6]);
        Assert.Equal("разрыв", header[11]);
        var data = rows.Skip(1).ToArray();
        Assert.Equal(["400:4", "200:1"], data.Select(r => r[0]));
        Assert.All(data, r => Assert.Matches(@"^0 \(эталон \d+\.\d{3} с\)$", r[11])); // the reference agrees
        Assert.All(data, r => Assert.Matches(@"^\d+ \(\d+\)$", r[8]));           // peak memory in MB
        Assert.All(data, r => Assert.Matches(@"^\d+\.\d{3}$", r[6]));            // solve seconds
        var churn = stdout.Split('\n').Select(l => l.Split('|').Select(c => c.Trim()).ToArray()).Where(c => c.Length == 5).Skip(1).ToArray();
        Assert.Equal(10, churn.Length);  // five perturbations for each of the two sizes
        Assert.Equal(["1% наставляемых с новыми баллами", "1% новых наставляемых", "1% наставников выбыли", "1% в сумме (по ⅓% каждого вида)",
            "все три вида по 1% (3%)"], churn.Take(5).Select(r => r[1]));
        Assert.All(churn, r => Assert.Matches(@"^\d+\.\d{2}$", r[2]));
        Assert.All(churn, r => Assert.Matches(@"^\d+\.\d{4}$", r[4]));
    }
}
