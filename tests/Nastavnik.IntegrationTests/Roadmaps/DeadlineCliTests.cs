using System.Text.Json;
using Nastavnik.IntegrationTests.Infrastructure;

namespace Nastavnik.IntegrationTests.Roadmaps;

/// <summary>`nastavnik roadmap deadline` and `nastavnik-bench deadlines` run in-process.</summary>
[Collection(Collections.Roadmaps)]
public class DeadlineCliTests
{
    [Fact]
    public async Task Deadline_WithPeriod_PrintsOneJsonObject()
    {
        var (code, stdout, _) = await CliRunner.RunAsync("roadmap", "deadline", "до 15.11.2020", "--period", "2020-01-01..2021-12-31");

        Assert.Equal(0, code);
        Assert.Contains("\"text\":\"до 15.11.2020\"", stdout); // Cyrillic printed as is
        using var json = JsonDocument.Parse(stdout);
        var root = json.RootElement;
        Assert.Equal("до 15.11.2020", root.GetProperty("text").GetString());
        Assert.Equal("once", root.GetProperty("kind").GetString());
        var occurrence = Assert.Single(root.GetProperty("occurrences").EnumerateArray());
        Assert.Equal(JsonValueKind.Null, occurrence.GetProperty("start").ValueKind);
        Assert.Equal("2020-11-15", occurrence.GetProperty("due").GetString());
    }

    [Fact]
    public async Task Deadline_Recurring_PrintsOccurrencePerYear()
    {
        var (code, stdout, _) = await CliRunner.RunAsync("roadmap", "deadline", "Ежегодно 2021 – 2024 гг.", "--period", "2021-01-01..2024-12-31");

        Assert.Equal(0, code);
        using var json = JsonDocument.Parse(stdout);
        Assert.Equal("recurring", json.RootElement.GetProperty("kind").GetString());
        var occurrences = json.RootElement.GetProperty("occurrences").EnumerateArray()
            .Select(o => $"{o.GetProperty("start").GetString()}..{o.GetProperty("due").GetString()}").ToList();
        Assert.Equal(["2021-01-01..2021-12-31", "2022-01-01..2022-12-31", "2023-01-01..2023-12-31", "2024-01-01..2024-12-31"], occurrences);
    }

    [Fact]
    public async Task Deadline_WithoutPeriod_ReadsInYearsTheTextNames()
    {
        var (code, stdout, _) = await CliRunner.RunAsync("roadmap", "deadline", "Октябрь-декабрь 2020");

        Assert.Equal(0, code);
        using var json = JsonDocument.Parse(stdout);
        Assert.Equal("window", json.RootElement.GetProperty("kind").GetString());
        var occurrence = Assert.Single(json.RootElement.GetProperty("occurrences").EnumerateArray());
        Assert.Equal("2020-10-01", occurrence.GetProperty("start").GetString());
        Assert.Equal("2020-12-31", occurrence.GetProperty("due").GetString());
    }

    [Fact]
    public async Task Deadline_WithoutPeriodOrYear_ReadsInCurrentYear()
    {
        var (code, stdout, _) = await CliRunner.RunAsync("roadmap", "deadline", "постоянно");

        Assert.Equal(0, code);
        using var json = JsonDocument.Parse(stdout);
        Assert.Equal("continuous", json.RootElement.GetProperty("kind").GetString());
        var occurrence = Assert.Single(json.RootElement.GetProperty("occurrences").EnumerateArray());
        var year = DateTime.UtcNow.AddHours(3).Year;
        Assert.Equal($"{year}-01-01", occurrence.GetProperty("start").GetString());
        Assert.Equal($"{year}-12-31", occurrence.GetProperty("due").GetString());
    }

    [Fact]
    public async Task Deadline_ImpossibleDate_PrintsUnrecognized()
    {
        var (code, stdout, _) = await CliRunner.RunAsync("roadmap", "deadline", "31.02.2022");

        Assert.Equal(0, code);
        using var json = JsonDocument.Parse(stdout);
        Assert.Equal("unrecognized", json.RootElement.GetProperty("kind").GetString());
        Assert.Equal("31.02.2022", json.RootElement.GetProperty("text").GetString());
        Assert.Empty(json.RootElement.GetProperty("occurrences").EnumerateArray());
    }

    [Theory]
    [InlineData("2021-01-01", "период")]
    [InlineData("2021-12-31..2021-01-01", "период")]
    [InlineData("2021-02-30..2021-12-31", "период")]
    public async Task Deadline_BadPeriod_ExitsWithTwoAndRussianMessage(string period, string word)
    {
        var (code, stdout, stderr) = await CliRunner.RunAsync("roadmap", "deadline", "до 15.11.2020", "--period", period);

        Assert.Equal(2, code);
        Assert.Equal("", stdout);
        Assert.Contains(word, stderr);
    }

    [Theory]
    [InlineData("roadmap", "deadline")]
    [InlineData("roadmap", "deadline", "--period")]
    [InlineData("roadmap", "deadline", "до 2021", "лишнее")]
    [InlineData("roadmap", "deadline", "до 2021", "--frobnicate")]
    [InlineData("roadmap", "frobnicate")]
    [InlineData("roadmap")]
    public async Task Roadmap_BadArguments_ExitsWithTwo(params string[] args)
    {
        var (code, stdout, stderr) = await CliRunner.RunAsync(args);

        Assert.Equal(2, code);
        Assert.Equal("", stdout);
        Assert.Matches("[а-яА-Я]", stderr);
    }

    [Fact]
    public async Task BenchDeadlines_ShortRun_PrintsPhrasesPerSecond()
    {
        var (code, stdout, _) = await CliRunner.BenchAsync("deadlines", "--seconds", "0.2");

        Assert.Equal(0, code);
        var rate = System.Text.RegularExpressions.Regex.Match(stdout, @"Разбор сроков: (\d+) фраз/с");
        Assert.True(rate.Success, stdout);
        Assert.True(long.Parse(rate.Groups[1].Value) > 0);
    }

    [Theory]
    [InlineData("deadlines", "--seconds", "0")]
    [InlineData("deadlines", "--seconds")]
    [InlineData("deadlines", "лишнее")]
    [InlineData("frobnicate")]
    public async Task Bench_BadArguments_ExitsWithTwo(params string[] args)
    {
        var (code, stdout, stderr) = await CliRunner.BenchAsync(args);

        Assert.Equal(2, code);
        Assert.Equal("", stdout);
        Assert.Matches("[а-яА-Я]", stderr);
    }
}
