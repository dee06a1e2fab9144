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
    public const string Usage = """
        --node КРАТКОЕ_ИМЯ_ОО|МУНИЦИПАЛИТЕТ|РЕГИОН [--json]
        пары под наблюдением узла: {"stalled", "missing_feedback", "overdue_contacts", "low_ratings", "active"};
        неизвестный узел — код выхода 2
        """;

    public static async Task<int> RunAsync(string[] args)
    {
        var a = CliArgs.Parse(args, options: ["--node"], flags: ["--json"]);
        if (a.Value("--node") is not { } node || string.IsNullOrWhiteSpace(node)) throw CliException.Usage("укажите узел: --node КРАТКОЕ_ИМЯ_ОО | МУНИЦИПАЛИТЕТ | РЕГИОН");
        var json = a.Has("--json");

        // Cluster start-up and migration notes go to stderr: stdout carries the answer only.
        var stdout = Console.Out;
        Console.SetOut(Console.Error);
        string cs;
        try
        {
            (cs, _) = await CliDatabase.ResolveAsync(CliDatabase.Configuration([]));
            await CliDatabase.MigrateAsync(await CliDatabase.ResolveOwnerAsync(CliDatabase.Configuration([])));
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
        if (found == 0) throw new CliException($"узел «{name}» не найден: укажите краткое наименование организации, название муниципалитета или региона", 2);
        if (found > 1) throw new CliException($"название «{name}» неоднозначно: так называются несколько организаций, муниципалитетов или регионов", 2);

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
}
