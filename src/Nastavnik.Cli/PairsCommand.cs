using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Nastavnik.Domain.Text;
using Nastavnik.Web.Features.Pairs.Watch;

namespace Nastavnik.Cli;

/// <summary>
/// `nastavnik pairs watchlist --node &lt;organization short name | municipality | region&gt; [--json]`: the watch-list
/// counts of the node's active pairs, by the same SQL as the Pairs/Watch page.
/// </summary>
public static class PairsCommand
{
    public static async Task<int> RunAsync(string[] args)
    {
        if (args.FirstOrDefault() != "watchlist") return Usage("неизвестная команда");
        string? node = null;
        var json = false;
        for (var i = 1; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--node" when i + 1 < args.Length: node = args[++i]; break;
                case "--json": json = true; break;
                default: return Usage($"непонятный аргумент «{args[i]}»");
            }
        }
        if (string.IsNullOrWhiteSpace(node)) return Usage("укажите узел: --node КРАТКОЕ_ИМЯ_ОО | МУНИЦИПАЛИТЕТ | РЕГИОН");

        // Cluster start-up and migration notes go to stderr: stdout carries the answer only.
        var stdout = Console.Out;
        Console.SetOut(Console.Error);
        string cs;
        try
        {
            (cs, _) = await CliDatabase.ResolveAsync(CliDatabase.Configuration([]));
            await CliDatabase.MigrateAsync(cs);
        }
        finally
        {
            Console.SetOut(stdout);
        }
        await using var db = CliDatabase.Open(cs, CliDatabase.Actor);
        var name = node.Trim();
        var organizations = await db.Organizations.Where(o => o.ShortName == name).Select(o => o.Id).ToArrayAsync();
        var municipalities = await db.Municipalities.Where(m => m.Name == name).Select(m => m.Id).ToArrayAsync();
        var regions = await db.Regions.Where(r => r.Name == name).Select(r => r.Id).ToArrayAsync();
        var found = organizations.Length + municipalities.Length + regions.Length;
        if (found == 0)
        {
            Console.Error.WriteLine($"Узел «{name}» не найден: укажите краткое наименование организации, название муниципалитета или региона.");
            return 2;
        }
        if (found > 1)
        {
            Console.Error.WriteLine($"Название «{name}» неоднозначно: так называются несколько организаций, муниципалитетов или регионов.");
            return 2;
        }

        var today = DateOnly.FromDateTime(MoscowTime.From(TimeProvider.System.GetUtcNow()));
        var t = WatchQuery.Sum(await WatchQuery.PerOrganizationAsync(db, new WatchNodes(organizations, municipalities, regions), today));
        if (json)
        {
            Console.Out.WriteLine(new JsonObject
            {
                ["stalled"] = t.Stalled,
                ["missing_feedback"] = t.MissingFeedback,
                ["overdue_contacts"] = t.OverdueContacts,
                ["low_ratings"] = t.LowRatings,
                ["active"] = t.Active,
            }.ToJsonString());
        }
        else
        {
            Console.Out.WriteLine($"Действующих пар: {t.Active}; нет встреч 30 дней: {t.Stalled}; нет обратной связи: {t.MissingFeedback}; "
                + $"просрочены контакты куратора: {t.OverdueContacts}; низкие оценки: {t.LowRatings}");
        }
        return 0;
    }

    private static int Usage(string problem)
    {
        Console.Error.WriteLine($"""
            Ошибка: {problem}
            Использование: nastavnik pairs watchlist --node КРАТКОЕ_ИМЯ_ОО|МУНИЦИПАЛИТЕТ|РЕГИОН [--json]
            """);
        return 2;
    }
}
