using Microsoft.Extensions.Configuration;
using Nastavnik.Cli;
using Nastavnik.Data.Local;
using Nastavnik.IntegrationTests.Infrastructure;

namespace Nastavnik.IntegrationTests.Cli;

[Collection(Collections.Platform)]
public class CliTests(AppFixture app)
{
    [Fact]
    public async Task Resolve_WithConnectionStringConfigured_UsesItAndStartsNothing()
    {
        var config = new ConfigurationBuilder().AddInMemoryCollection([new("ConnectionStrings:Nastavnik", app.ConnectionString)]).Build();

        var (cs, local) = await CliDatabase.ResolveAsync(config);

        Assert.Equal(app.ConnectionString, cs);
        Assert.False(local);
    }

    [Fact]
    public async Task EnsureStarted_SecondTime_ReusesClusterPortAndData()
    {
        var home = Directory.CreateTempSubdirectory("nastavnik-home").FullName;
        if (LocalCluster.IsRoot && !OperatingSystem.IsWindows()) File.SetUnixFileMode(home, (UnixFileMode)0b111_101_101);
        var first = await LocalCluster.EnsureStartedAsync(home, 0, TextWriter.Null);
        try
        {
            await using (var conn = new Npgsql.NpgsqlConnection(first.ConnectionString() + ";Pooling=false"))
            {
                await conn.OpenAsync();
                await using var cmd = new Npgsql.NpgsqlCommand("create table kept (id int); insert into kept values (42);", conn);
                await cmd.ExecuteNonQueryAsync();
            }
            await first.StopAsync();

            var second = await LocalCluster.EnsureStartedAsync(home, 0, TextWriter.Null);

            Assert.Equal(first.Port, second.Port);
            await using var check = new Npgsql.NpgsqlConnection(second.ConnectionString() + ";Pooling=false");
            await check.OpenAsync();
            await using var read = new Npgsql.NpgsqlCommand("select id from kept", check);
            Assert.Equal(42, await read.ExecuteScalarAsync());
        }
        finally
        {
            await first.StopAndDeleteAsync();
        }
    }

    [Fact]
    public async Task Main_UnknownVerb_PrintsErrorAndHelpAndFails()
    {
        var (code, stdout, stderr) = await CliRunner.RunAsync("frobnicate");

        Assert.Equal(2, code);
        Assert.Equal("", stdout);
        Assert.StartsWith("Ошибка: неизвестная команда «frobnicate»", stderr);
        Assert.Contains("Команды:", stderr);
    }

    [Fact]
    public async Task Main_NoArguments_PrintsEveryListedVerb()
    {
        var (code, stdout, _) = await CliRunner.RunAsync();

        Assert.Equal(0, code);
        Assert.All(global::Nastavnik.Cli.Program.Verbs.Where(v => v.Listed), v => Assert.Contains($"\n  {v.Name} ", stdout));
    }

    /// <summary>Every verb of `nastavnik` and of the bench console, as (console, verb).</summary>
    public static TheoryData<string, string> Verbs()
    {
        var data = new TheoryData<string, string>();
        foreach (var v in global::Nastavnik.Cli.Program.Verbs) data.Add("nastavnik", v.Name);
        foreach (var v in global::Nastavnik.Bench.Program.Verbs) data.Add("nastavnik-bench", v.Name);
        return data;
    }

    [Theory]
    [MemberData(nameof(Verbs))]
    public async Task Help_AnyVerb_ExitsZeroAndPrintsItsUsage(string console, string verb)
    {
        var (code, stdout, stderr) = await RunAsync(console, [.. verb.Split(' '), "--help"]);

        Assert.Equal(0, code);
        Assert.StartsWith($"{console} {verb}", stdout);
        Assert.True(stdout.Split('\n').Length > 2, stdout); // the arguments, then what the verb does
        Assert.Equal("", stderr);
    }

    [Theory]
    [MemberData(nameof(Verbs))]
    public async Task Run_UnknownOption_ExitsTwoWithErrorAndUsage(string console, string verb)
    {
        var (code, stdout, stderr) = await RunAsync(console, [.. verb.Split(' '), "--frobnicate"]);

        Assert.Equal(2, code);
        Assert.Equal("", stdout);
        Assert.StartsWith("Ошибка: неизвестный параметр «--frobnicate»", stderr);
        Assert.Contains($"\n{console} {verb} ", stderr);
    }

    [Theory]
    [InlineData("roadmap", "roadmap deadline", "roadmap import")]
    [InlineData("match", "match solve", "match dimacs")]
    public async Task Help_Group_ListsItsVerbs(string group, string first, string last)
    {
        var (code, stdout, _) = await CliRunner.RunAsync(group, "--help");

        Assert.Equal(0, code);
        Assert.StartsWith($"nastavnik {first} ", stdout);
        Assert.Contains($"\nnastavnik {last} ", stdout);
    }

    [Fact]
    public async Task Run_GroupWithoutVerb_ExitsTwoNamingTheVerbs()
    {
        var (code, stdout, stderr) = await CliRunner.RunAsync("pairs");

        Assert.Equal(2, code);
        Assert.Equal("", stdout);
        Assert.StartsWith("Ошибка: укажите команду: pairs watchlist", stderr);
    }

    private static Task<CliRunner.Output> RunAsync(string console, string[] args) =>
        console == "nastavnik" ? CliRunner.RunAsync(args) : CliRunner.BenchAsync(args);
}
