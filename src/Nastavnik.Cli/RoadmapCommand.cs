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

    public static Task<int> RunAsync(string[] args) => args.FirstOrDefault() switch
    {
        "deadline" => Task.FromResult(Deadline(args[1..])),
        "import" => RoadmapImportCommand.RunAsync(args[1..]),
        _ => Task.FromResult(Usage()),
    };

    /// <summary>`roadmap deadline "<text>" [--period YYYY-MM-DD..YYYY-MM-DD]`: the parsed schedule as one JSON object.</summary>
    private static int Deadline(string[] args)
    {
        string? text = null;
        Period? period = null;
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] == "--period")
            {
                if (i + 1 >= args.Length) return Fail("не задано значение для --period (ГГГГ-ММ-ДД..ГГГГ-ММ-ДД)");
                period = ParsePeriod(args[++i]);
                if (period is null) return Fail($"неверный период «{args[i]}»: ожидается ГГГГ-ММ-ДД..ГГГГ-ММ-ДД, начало не позже окончания");
            }
            else if (args[i].StartsWith("--", StringComparison.Ordinal))
            {
                return Fail($"неизвестный параметр «{args[i]}»");
            }
            else if (text is null)
            {
                text = args[i];
            }
            else
            {
                return Fail($"лишний аргумент «{args[i]}»: текст срока передаётся одним аргументом в кавычках");
            }
        }
        if (text is null) return Fail("не задан текст срока: nastavnik roadmap deadline \"до 15.11.2020\" [--period 2020-01-01..2021-12-31]");
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

    private static Period? ParsePeriod(string value)
    {
        var parts = value.Split("..");
        if (parts.Length != 2) return null;
        if (!DateOnly.TryParseExact(parts[0].Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var start)
            || !DateOnly.TryParseExact(parts[1].Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var end)
            || start > end)
        {
            return null;
        }
        return new Period(start, end);
    }

    private static int Fail(string message)
    {
        Console.Error.WriteLine($"Ошибка: {message}");
        return 2;
    }

    private static int Usage()
    {
        Console.Error.WriteLine("""
            nastavnik roadmap — дорожные карты

              roadmap deadline "<текст срока>" [--period ГГГГ-ММ-ДД..ГГГГ-ММ-ДД]
                  разобрать срок и вывести JSON: {"text", "kind", "occurrences": [{"start", "due"}]}
              roadmap import <файл .docx|.xlsx|.txt> [--dry-run] [--json] [--node region:ИМЯ|municipality:ИМЯ|organization:КРАТКОЕ_ИМЯ] [--period ГГГГ-ММ-ДД..ГГГГ-ММ-ДД]
                  прочитать дорожную карту; с --dry-run показать разобранное, иначе сохранить черновиком в узел
            """);
        return 2;
    }
}
