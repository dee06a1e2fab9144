using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Unicode;
using Nastavnik.Domain.Roadmaps;

namespace Nastavnik.Cli;

/// <summary>`nastavnik roadmap …`: roadmap tools for scripts and tests.</summary>
public static class RoadmapCommand
{
    /// <summary>Cyrillic printed as is, not as \u escapes.</summary>
    public static readonly JsonSerializerOptions Json = new() { Encoder = JavaScriptEncoder.Create(UnicodeRanges.All) };

    public const string DeadlineUsage = """
        "ТЕКСТ СРОКА" [--period ГГГГ-ММ-ДД..ГГГГ-ММ-ДД]
        разобрать срок дорожной карты и вывести JSON: {"text", "kind", "occurrences": [{"start", "due"}]};
        без --period — в годах, названных в тексте, иначе в текущем году
        """;

    /// <summary>`roadmap deadline "<text>" [--period YYYY-MM-DD..YYYY-MM-DD]`: the parsed schedule as one JSON object.</summary>
    public static int Deadline(string[] args)
    {
        var a = CliArgs.Parse(args, options: ["--period"], positional: 1);
        if (a.Positional is not [var text]) throw CliException.Usage("не задан текст срока: nastavnik roadmap deadline \"до 15.11.2020\" [--period 2020-01-01..2021-12-31]");
        var period = PeriodOption(a);
        var today = DateOnly.FromDateTime(Domain.Text.MoscowTime.From(DateTimeOffset.UtcNow));
        Console.Out.WriteLine(DeadlineJson(DeadlineParser.Parse(text, period, today)).ToJsonString(Json));
        return 0;
    }

    /// <summary>The CLI contract's deadline object: {"text", "kind", "occurrences": [{"start", "due"}]}.</summary>
    public static JsonObject DeadlineJson(DeadlineSchedule schedule)
    {
        var occurrences = new JsonArray();
        foreach (var o in schedule.Occurrences)
        {
            occurrences.Add(new JsonObject
            {
                ["start"] = o.Start?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                ["due"] = o.Due.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            });
        }
        return new JsonObject
        {
            ["text"] = schedule.Text,
            ["kind"] = DeadlineSchedule.KindCode(schedule.Kind),
            ["occurrences"] = occurrences,
        };
    }

    /// <summary>`--period ГГГГ-ММ-ДД..ГГГГ-ММ-ДД`, shared with `roadmap import`; null when not given.</summary>
    public static Period? PeriodOption(CliArgs a)
    {
        if (a.Value("--period") is not { } value) return null;
        var parts = value.Split("..");
        if (parts.Length != 2
            || !DateOnly.TryParseExact(parts[0].Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var start)
            || !DateOnly.TryParseExact(parts[1].Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var end)
            || start > end)
        {
            throw CliException.Usage($"неверный период «{value}»: ожидается ГГГГ-ММ-ДД..ГГГГ-ММ-ДД, начало не позже окончания");
        }
        return new Period(start, end);
    }
}
