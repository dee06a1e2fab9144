using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Nastavnik.Data.Entities.Roadmaps;
using Nastavnik.Data.Roadmaps;
using Nastavnik.Domain.Roadmaps;
using Nastavnik.IntegrationTests.Infrastructure;

namespace Nastavnik.IntegrationTests.Roadmaps;

/// <summary>Roadmaps built directly from entities for the workflow tests, with occurrences from explicit schedules.</summary>
public static partial class WorkflowData
{
    public sealed record Ids(long RoadmapId, string Title, long OnceItemId, long WindowItemId, long UnrecognizedItemId);

    public static readonly Period Period = new(new DateOnly(2020, 9, 1), new DateOnly(2021, 12, 31));

    /// <summary>
    /// A roadmap of the tree's node at <paramref name="level"/> with one section and three items: «до 15.11.2020»
    /// (organizations' duty: fanned out to the tree's school in a municipal or regional plan), «Октябрь-декабрь 2020»,
    /// and an unrecognized deadline without occurrences.
    /// </summary>
    public static async Task<Ids> AddRoadmapAsync(this AppFixture app, AppFixture.Tree tree, RoadmapLevel level,
        RoadmapStatus status = RoadmapStatus.Draft, bool isTemplate = false)
    {
        await using var db = app.Db();
        var roadmap = new Roadmap
        {
            RegionId = tree.RegionId, Level = level,
            MunicipalityId = level == RoadmapLevel.Region ? null : tree.MunicipalityId,
            OrganizationId = level == RoadmapLevel.Organization ? tree.OrganizationId : null,
            Title = AppFixture.Unique("Дорожная карта"), PeriodStart = Period.Start, PeriodEnd = Period.End, Status = status,
            IsTemplate = isTemplate, Basis = "Приложение к приказу от 15.09.2020 № 423",
        };
        var section = new RoadmapSection { Position = 1, Number = "1.", Title = "Нормативное правовое регулирование" };
        roadmap.Sections.Add(section);
        var once = new RoadmapItem
        {
            Position = 1, Number = "1.1.", Title = "Разработка дорожных карт", Section = section, DeadlineText = "до 15.11.2020",
            DeadlineKind = DeadlineKind.Once, Responsible = "Руководители ОО", Result = "Дорожные карты",
            FanOut = level != RoadmapLevel.Organization,
        };
        var window = new RoadmapItem
        {
            Position = 2, Number = "1.2.", Title = "Назначение кураторов внедрения", Section = section, DeadlineText = "Октябрь-декабрь 2020",
            DeadlineKind = DeadlineKind.Window, Responsible = "Управление образования", Result = "Распорядительные акты",
        };
        var unrecognized = new RoadmapItem
        {
            Position = 3, Number = "1.3.", Title = "Согласование положения о наставничестве", Section = section,
            DeadlineText = "по согласованию с ведомством", DeadlineKind = DeadlineKind.Unrecognized, Responsible = "Руководители ОО",
        };
        roadmap.Items.AddRange([once, window, unrecognized]);
        (long, long)[] organizations = [(tree.OrganizationId, tree.MunicipalityId)];
        db.RoadmapOccurrences.AddRange(RoadmapOccurrences.Build(roadmap, once,
            new DeadlineSchedule(once.DeadlineText, DeadlineKind.Once, [new Occurrence(null, new DateOnly(2020, 11, 15))]), organizations));
        db.RoadmapOccurrences.AddRange(RoadmapOccurrences.Build(roadmap, window,
            new DeadlineSchedule(window.DeadlineText, DeadlineKind.Window, [new Occurrence(new DateOnly(2020, 10, 1), new DateOnly(2020, 12, 31))]),
            organizations));
        db.Roadmaps.Add(roadmap);
        await db.SaveChangesAsync();
        return new Ids(roadmap.Id, roadmap.Title, once.Id, window.Id, unrecognized.Id);
    }

    public static async Task<uint> RoadmapRowVersionAsync(this AppFixture app, long roadmapId)
    {
        await using var db = app.Db();
        return await db.Roadmaps.Where(r => r.Id == roadmapId).Select(r => r.RowVersion).SingleAsync();
    }

    public static async Task<Roadmap> RoadmapAsync(this AppFixture app, long roadmapId)
    {
        await using var db = app.Db();
        return await db.Roadmaps.AsNoTracking().AsSplitQuery()
            .Include(r => r.Items).ThenInclude(i => i.Occurrences).ThenInclude(o => o.Evidence)
            .Include(r => r.Sections)
            .Include(r => r.StatusChanges).ThenInclude(c => c.ItemComments)
            .SingleAsync(r => r.Id == roadmapId);
    }

    public static async Task<long> OccurrenceIdAsync(this AppFixture app, long itemId)
    {
        await using var db = app.Db();
        return await db.RoadmapOccurrences.Where(o => o.ItemId == itemId).OrderBy(o => o.Id).Select(o => o.Id).FirstAsync();
    }

    public static async Task<long> UserIdAsync(this AppFixture app, string login)
    {
        await using var db = app.Db();
        return await db.Users.Where(u => u.UserName == login).Select(u => u.Id).SingleAsync();
    }

    /// <summary>Posts a workflow action of the roadmap card with the roadmap's current row version.</summary>
    public static async Task<HttpResponseMessage> PostCardAsync(this AppFixture app, HttpClient client, long roadmapId, string handler,
        Dictionary<string, string>? fields = null, string prefix = "")
    {
        var body = new Dictionary<string, string>(fields ?? []);
        body[prefix.Length > 0 ? $"{prefix}.RowVersion" : "rowVersion"] = (await app.RoadmapRowVersionAsync(roadmapId)).ToString();
        return await client.PostFormAsync($"/Roadmaps/Card/{roadmapId}?handler={handler}", body, $"/Roadmaps/Card/{roadmapId}");
    }

    /// <summary>The texts of the form errors listed at the top of a page.</summary>
    public static IReadOnlyList<string> FormErrors(string html)
    {
        var summary = SummaryBlock().Match(html);
        return summary.Success ? ListItem().Matches(summary.Value).Select(m => System.Net.WebUtility.HtmlDecode(m.Groups[1].Value)).ToList() : [];
    }

    [GeneratedRegex("<div class=\"alert alert-danger\"[^>]*id=\"errors\">.*?</div>", RegexOptions.Singleline)]
    private static partial Regex SummaryBlock();

    [GeneratedRegex("<li>(.*?)</li>", RegexOptions.Singleline)]
    private static partial Regex ListItem();
}
