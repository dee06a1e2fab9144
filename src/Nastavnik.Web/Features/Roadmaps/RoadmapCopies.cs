using Microsoft.EntityFrameworkCore;
using Nastavnik.Data;
using Nastavnik.Data.Entities.Roadmaps;
using Nastavnik.Data.Roadmaps;
using Nastavnik.Domain.Roadmaps;

namespace Nastavnik.Web.Features.Roadmaps;

/// <summary>Copies of a roadmap: a new version of an approved one, and a node's own roadmap started from a template.</summary>
public static class RoadmapCopies
{
    public static RoadmapNode NodeOf(Roadmap r) => new(r.Level, r.RegionId, r.MunicipalityId, r.OrganizationId);

    /// <summary>The newer version already made from this roadmap, if any: there is one line of versions per roadmap.</summary>
    public static Task<long?> NewerVersionIdAsync(NastavnikDb db, Roadmap r) =>
        db.Roadmaps.Where(x => x.SourceRoadmapId == r.Id && x.Level == r.Level && x.RegionId == r.RegionId
                && x.MunicipalityId == r.MunicipalityId && x.OrganizationId == r.OrganizationId)
            .OrderBy(x => x.Id).Select(x => (long?)x.Id).FirstOrDefaultAsync();

    /// <summary>
    /// A draft copy of an approved roadmap with the next version number. Occurrences keep their dates and execution
    /// records (evidence included): work already done stays done in the new version. The old version and its
    /// approval history stay as they were.
    /// </summary>
    public static async Task<Roadmap> AddNewVersionAsync(NastavnikDb db, long sourceId)
    {
        var source = await db.Roadmaps.AsNoTracking().AsSplitQuery()
            .Include(r => r.Sections).Include(r => r.Items).ThenInclude(i => i.Occurrences).ThenInclude(o => o.Evidence)
            .SingleAsync(r => r.Id == sourceId);
        var copy = Header(source, NodeOf(source));
        copy.Version = source.Version + 1;
        copy.Basis = source.Basis;
        copy.SourceFileName = source.SourceFileName;
        var items = CopyContent(source, copy, keepFanOut: true);
        foreach (var (old, item) in items)
        {
            foreach (var o in old.Occurrences)
            {
                db.RoadmapOccurrences.Add(new RoadmapOccurrence
                {
                    Item = item, Roadmap = copy, RegionId = o.RegionId, MunicipalityId = o.MunicipalityId,
                    OrganizationId = o.OrganizationId, StartDate = o.StartDate, DueDate = o.DueDate, Status = o.Status,
                    Comment = o.Comment, DoneOn = o.DoneOn, UpdatedByUserId = o.UpdatedByUserId, UpdatedAt = o.UpdatedAt,
                    Evidence = o.Evidence.Select(e => new RoadmapEvidence
                    {
                        Kind = e.Kind, FileName = e.FileName, ContentType = e.ContentType, Content = e.Content, Url = e.Url,
                        UserId = e.UserId, CreatedAt = e.CreatedAt,
                    }).ToList(),
                });
            }
        }
        db.Roadmaps.Add(copy);
        return copy;
    }

    /// <summary>
    /// A new draft of <paramref name="target"/> from a template: its sections and items, with occurrences rebuilt for
    /// the new node on the template's dates. In an organization's own roadmap an item the template fanned out to every
    /// school is simply the school's own item.
    /// </summary>
    public static async Task<Roadmap> AddFromTemplateAsync(NastavnikDb db, long templateId, RoadmapNode target)
    {
        var template = await db.Roadmaps.AsNoTracking().AsSplitQuery().Include(r => r.Sections).Include(r => r.Items)
            .SingleAsync(r => r.Id == templateId);
        // Only the distinct dates are needed: a fanned-out item repeats them once per school.
        var dates = await db.RoadmapOccurrences.AsNoTracking().Where(o => o.RoadmapId == templateId)
            .Select(o => new { o.ItemId, o.StartDate, o.DueDate }).Distinct().ToListAsync();
        var copy = Header(template, target);
        copy.SourceRoadmapId = template.Id;
        var organizations = await RoadmapSchedules.OrganizationsAsync(db, copy);
        foreach (var (old, item) in CopyContent(template, copy, keepFanOut: target.Level != RoadmapLevel.Organization))
        {
            var occurrences = dates.Where(d => d.ItemId == old.Id)
                .Select(d => new RoadmapOccurrence { StartDate = d.StartDate, DueDate = d.DueDate });
            var schedule = RoadmapSchedules.ScheduleFromOccurrences(item, occurrences);
            db.RoadmapOccurrences.AddRange(RoadmapOccurrences.Build(copy, item, schedule, organizations));
        }
        db.Roadmaps.Add(copy);
        return copy;
    }

    private static Roadmap Header(Roadmap source, RoadmapNode node) => new()
    {
        RegionId = node.RegionId, Level = node.Level, MunicipalityId = node.MunicipalityId, OrganizationId = node.OrganizationId,
        Title = source.Title, PeriodStart = source.PeriodStart, PeriodEnd = source.PeriodEnd, Status = RoadmapStatus.Draft,
        Version = 1, SourceRoadmapId = source.Id,
    };

    private static List<(RoadmapItem Old, RoadmapItem New)> CopyContent(Roadmap source, Roadmap copy, bool keepFanOut)
    {
        var sections = new Dictionary<long, RoadmapSection>();
        foreach (var s in source.Sections.OrderBy(s => s.Position))
        {
            var section = new RoadmapSection { Position = s.Position, Number = s.Number, Title = s.Title };
            sections[s.Id] = section;
            copy.Sections.Add(section);
        }
        var items = new List<(RoadmapItem, RoadmapItem)>();
        foreach (var i in source.Items.OrderBy(i => i.Position))
        {
            var item = new RoadmapItem
            {
                Roadmap = copy, Section = i.SectionId is { } sid ? sections[sid] : null, Position = i.Position, Number = i.Number,
                Title = i.Title, DeadlineText = i.DeadlineText, DeadlineKind = i.DeadlineKind, DeadlineLowPrecision = i.DeadlineLowPrecision,
                DeadlineThenOnDemand = i.DeadlineThenOnDemand, StartText = i.StartText, EndText = i.EndText, Responsible = i.Responsible,
                ResponsibleRegional = i.ResponsibleRegional, ResponsibleMunicipal = i.ResponsibleMunicipal,
                ResponsibleOrganization = i.ResponsibleOrganization, Result = i.Result, Stage = i.Stage, FanOut = keepFanOut && i.FanOut,
            };
            copy.Items.Add(item);
            items.Add((i, item));
        }
        return items;
    }
}
