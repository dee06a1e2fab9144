using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Nastavnik.Data;
using Nastavnik.Data.Entities.Roadmaps;
using Nastavnik.Data.Roadmaps;
using Nastavnik.Domain.Roadmaps;
using Npgsql;

namespace Nastavnik.Web.Features.Roadmaps;

/// <summary>
/// Saves a recognised roadmap document (after the user's edits) as a draft roadmap of a territory node: sections,
/// items with their parsed deadlines and the dated occurrences (fanned out to the node's organizations where an item
/// names them), in one transaction. The same file imported into the same node again finds the roadmap it made.
/// Used by the import page, the CLI and the demo data; who may import where is the caller's check.
/// </summary>
public sealed class RoadmapImporter(NastavnikDb db)
{
    /// <summary>A territory node: its level and ids (the ids a level does not use are null).</summary>
    public sealed record Node(RoadmapLevel Level, long RegionId, long? MunicipalityId, long? OrganizationId);

    /// <summary>Dates a person typed for an item whose deadline text was not recognised.</summary>
    public sealed record ManualDates(DateOnly? Start, DateOnly Due);

    public sealed record Outcome(long RoadmapId, bool AlreadyImported, int Items, int Occurrences);

    /// <summary>SHA-256 of the file, lower-case hex: the roadmap remembers which file it came from.</summary>
    public static string Hash(byte[] content) => Convert.ToHexStringLower(SHA256.HashData(content));

    /// <summary>
    /// The period to offer: the one the document states, else the calendar years its deadlines name; null when the
    /// person has to enter it.
    /// </summary>
    public static Period? SuggestPeriod(RoadmapDocument document)
    {
        if (document.Period is { } stated) return stated;
        int? first = null, last = null;
        foreach (var item in document.Items)
        {
            var schedule = item.StartText.Length > 0 && item.EndText.Length > 0
                ? DeadlineParser.FromColumns(item.StartText, item.EndText, null)
                : DeadlineParser.Parse(item.DeadlineText, null);
            foreach (var o in schedule.Occurrences)
            {
                var from = (o.Start ?? o.Due).Year;
                first = Math.Min(first ?? from, from);
                last = Math.Max(last ?? o.Due.Year, o.Due.Year);
            }
        }
        return first is { } a && last is { } b ? Period.Years(a, b) : null;
    }

    /// <summary>An item's schedule inside the period: the start/end columns when it has both, else its deadline text.</summary>
    public static DeadlineSchedule Schedule(RoadmapDocumentItem item, Period period) =>
        item.StartText.Length > 0 && item.EndText.Length > 0
            ? DeadlineParser.FromColumns(item.StartText, item.EndText, period)
            : DeadlineParser.Parse(item.DeadlineText, period);

    /// <param name="manual">Dates typed by hand, by item position; they replace what the text gave.</param>
    public async Task<Outcome> ImportAsync(RoadmapDocument document, Node node, Period period, string fileName, string sourceHash,
        IReadOnlyDictionary<int, ManualDates>? manual = null, CancellationToken ct = default)
    {
        if (await FindAsync(node, sourceHash, ct) is { } existing) return existing;

        var organizations = await OrganizationsOfAsync(node, ct);
        var roadmap = new Roadmap
        {
            RegionId = node.RegionId, Level = node.Level, MunicipalityId = node.MunicipalityId, OrganizationId = node.OrganizationId,
            Title = document.Title, PeriodStart = period.Start, PeriodEnd = period.End,
            Basis = document.Basis.Text, OrderNumber = document.Basis.OrderNumber, OrderDate = document.Basis.OrderDate,
            Status = RoadmapStatus.Draft, SourceFileName = Path.GetFileName(fileName), SourceHash = sourceHash,
        };
        var sections = new Dictionary<int, RoadmapSection>();
        foreach (var s in document.Sections)
        {
            var section = new RoadmapSection { Position = s.Position, Number = s.Number, Title = s.Title };
            roadmap.Sections.Add(section);
            sections[s.Position] = section;
        }
        var occurrences = new List<RoadmapOccurrence>();
        foreach (var i in document.Items)
        {
            var schedule = Schedule(i, period);
            if (manual?.GetValueOrDefault(i.Position) is { } dates)
            {
                schedule = new DeadlineSchedule(i.DeadlineText, dates.Start is null ? DeadlineKind.Once : DeadlineKind.Window,
                    [new Occurrence(dates.Start, dates.Due)]);
            }
            var item = new RoadmapItem
            {
                Position = i.Position, Number = i.Number, Title = i.Title,
                Section = i.SectionPosition is { } at ? sections.GetValueOrDefault(at) : null,
                DeadlineText = i.DeadlineText, DeadlineKind = schedule.Kind, DeadlineLowPrecision = schedule.LowPrecision,
                DeadlineThenOnDemand = schedule.ThenOnDemand, StartText = i.StartText, EndText = i.EndText,
                Responsible = i.Responsible, ResponsibleRegional = i.ResponsibleRegional, ResponsibleMunicipal = i.ResponsibleMunicipal,
                ResponsibleOrganization = i.ResponsibleOrganization, Result = i.Result, Stage = i.Stage,
                FanOut = node.Level != RoadmapLevel.Organization
                    && RoadmapTerms.NamesOrganizations(document.ResponsibleByLevel ? i.ResponsibleOrganization : i.Responsible),
            };
            roadmap.Items.Add(item);
            occurrences.AddRange(RoadmapOccurrences.Build(roadmap, item, schedule, organizations));
        }
        db.Roadmaps.Add(roadmap);
        db.RoadmapOccurrences.AddRange(occurrences);
        try
        {
            // One save: NastavnikDb writes the rows and their audit entries in one transaction.
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation, ConstraintName: "roadmaps_source_unique" })
        {
            // The same file saved by someone else a moment ago.
            db.ChangeTracker.Clear();
            if (await FindAsync(node, sourceHash, ct) is { } raced) return raced;
            throw;
        }
        return new Outcome(roadmap.Id, false, roadmap.Items.Count, occurrences.Count);
    }

    private async Task<Outcome?> FindAsync(Node node, string sourceHash, CancellationToken ct)
    {
        var found = await db.Roadmaps.AsNoTracking()
            .Where(r => r.SourceHash == sourceHash && r.RegionId == node.RegionId && r.Level == node.Level
                && r.MunicipalityId == node.MunicipalityId && r.OrganizationId == node.OrganizationId)
            .Select(r => new { r.Id, Items = r.Items.Count })
            .FirstOrDefaultAsync(ct);
        if (found is null) return null;
        var occurrences = await db.RoadmapOccurrences.CountAsync(o => o.RoadmapId == found.Id, ct);
        return new Outcome(found.Id, true, found.Items, occurrences);
    }

    /// <summary>The organizations an item naming «руководители ОО» fans out to: those of the node's territory.</summary>
    private async Task<List<(long Id, long MunicipalityId)>> OrganizationsOfAsync(Node node, CancellationToken ct)
    {
        var query = node.Level switch
        {
            RoadmapLevel.Region => db.Organizations.Where(o => o.RegionId == node.RegionId),
            RoadmapLevel.Municipality => db.Organizations.Where(o => o.MunicipalityId == node.MunicipalityId),
            _ => db.Organizations.Where(_ => false),
        };
        var rows = await query.OrderBy(o => o.Id).Select(o => new { o.Id, o.MunicipalityId }).ToListAsync(ct);
        return rows.Select(o => (o.Id, o.MunicipalityId)).ToList();
    }
}
