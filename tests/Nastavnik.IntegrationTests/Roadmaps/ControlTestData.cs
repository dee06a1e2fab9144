using System.Net;
using System.Text.RegularExpressions;
using Nastavnik.Data.Entities;
using Nastavnik.Data.Entities.Roadmaps;
using Nastavnik.Domain.Roadmaps;
using Nastavnik.Domain.Territories;
using Nastavnik.IntegrationTests.Infrastructure;

namespace Nastavnik.IntegrationTests.Roadmaps;

/// <summary>Roadmaps with hand-set occurrences for the control, reminder and export tests.</summary>
public static partial class ControlTestData
{
    /// <summary>One item with one occurrence. <paramref name="OrganizationId"/> null: the roadmap owner's own item.</summary>
    public sealed record Spec(long? OrganizationId, DateOnly? Due, OccurrenceStatus Status = OccurrenceStatus.NotStarted,
        DateOnly? DoneOn = null, string? Title = null);

    public sealed record Created(long RoadmapId, string RoadmapTitle, IReadOnlyList<long> OccurrenceIds, IReadOnlyList<string> ItemTitles);

    public static async Task<long> AddOrganizationAsync(AppFixture app, AppFixture.Tree tree, string? shortName = null)
    {
        var org = await app.InsertAsync(new Organization
        {
            RegionId = tree.RegionId, MunicipalityId = tree.MunicipalityId, Name = AppFixture.Unique("Школа полное"),
            ShortName = shortName ?? AppFixture.Unique("Школа"), Type = OrganizationType.School,
        });
        return org.Id;
    }

    /// <summary>
    /// A roadmap of the tree's municipality (or of <paramref name="level"/>'s node) with one item per spec; an item
    /// aimed at an organization is a fan-out one with its occurrence addressed to that organization.
    /// </summary>
    public static async Task<Created> CreateAsync(AppFixture app, AppFixture.Tree tree, IEnumerable<Spec> specs,
        RoadmapStatus status = RoadmapStatus.Approved, RoadmapLevel level = RoadmapLevel.Municipality)
    {
        await using var db = app.Db();
        var roadmap = new Roadmap
        {
            RegionId = tree.RegionId, Level = level,
            MunicipalityId = level == RoadmapLevel.Region ? null : tree.MunicipalityId,
            OrganizationId = level == RoadmapLevel.Organization ? tree.OrganizationId : null,
            Title = AppFixture.Unique("Дорожная карта"), PeriodStart = new DateOnly(2020, 9, 1), PeriodEnd = new DateOnly(2024, 12, 31),
            Basis = "Приложение к приказу Управления образования от 15.09.2020 № 423", OrderNumber = "423",
            OrderDate = new DateOnly(2020, 9, 15), Status = status,
        };
        var occurrences = new List<RoadmapOccurrence>();
        var titles = new List<string>();
        var position = 0;
        foreach (var spec in specs)
        {
            position++;
            var title = spec.Title ?? AppFixture.Unique("Мероприятие");
            titles.Add(title);
            var item = new RoadmapItem
            {
                Position = position, Number = $"1.{position}.", Title = title,
                DeadlineText = spec.Due is { } d ? $"до {d:dd.MM.yyyy}" : "по мере необходимости",
                DeadlineKind = spec.Due is null ? DeadlineKind.OnDemand : DeadlineKind.Once,
                Responsible = spec.OrganizationId is null ? "Управление образования" : "Руководители ОО",
                FanOut = spec.OrganizationId is not null && level != RoadmapLevel.Organization,
            };
            roadmap.Items.Add(item);
            occurrences.Add(new RoadmapOccurrence
            {
                Item = item, Roadmap = roadmap, RegionId = tree.RegionId,
                MunicipalityId = spec.OrganizationId is null && level == RoadmapLevel.Region ? null : tree.MunicipalityId,
                OrganizationId = spec.OrganizationId, DueDate = spec.Due, Status = spec.Status, DoneOn = spec.DoneOn,
            });
        }
        db.Roadmaps.Add(roadmap);
        db.RoadmapOccurrences.AddRange(occurrences);
        await db.SaveChangesAsync();
        return new Created(roadmap.Id, roadmap.Title, occurrences.Select(o => o.Id).ToList(), titles);
    }

    public static DateOnly D(int year, int month, int day) => new(year, month, day);

    /// <summary>The cell texts of the first table row whose text contains <paramref name="name"/>, or null.</summary>
    public static List<string>? RowCells(string html, string name)
    {
        foreach (Match row in RowPattern().Matches(html))
        {
            var cells = CellPattern().Matches(row.Value).Select(c => WebUtility.HtmlDecode(TagPattern().Replace(c.Groups[1].Value, "")).Trim()).ToList();
            if (cells.Count > 0 && cells[0].Contains(name, StringComparison.Ordinal)) return cells;
        }
        return null;
    }

    [GeneratedRegex("<tr[^>]*>.*?</tr>", RegexOptions.Singleline)]
    private static partial Regex RowPattern();

    [GeneratedRegex("<t[hd][^>]*>(.*?)</t[hd]>", RegexOptions.Singleline)]
    private static partial Regex CellPattern();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex TagPattern();
}
