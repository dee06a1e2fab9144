using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Nastavnik.Data;
using Nastavnik.Data.Entities.Roadmaps;
using Nastavnik.Domain.Roadmaps;
using Nastavnik.Web.Features.Roadmaps;

namespace Nastavnik.Web.Features.Demo;

/// <summary>
/// The demo roadmaps: five plans of our own (Demo/Roadmaps/*.txt, written in the shapes real extracted roadmaps come
/// in) imported into their territories through the real importer, approved by their orders, with execution records
/// filled so that the control page shows a picture (done on time, late, not done, in progress). Idempotent: a
/// territory that already has a roadmap at its level is left as it is. Runs after <see cref="DemoData.EnsureAsync"/>,
/// which makes the territories.
/// </summary>
public static class RoadmapDemo
{
    /// <summary>A demo roadmap document and the node it belongs to (no municipality: the region's own plan).</summary>
    public sealed record Place(string FileName, string Region, string? Municipality);

    public static readonly IReadOnlyList<Place> Places =
    [
        new("azov.txt", "Ростовская область", "г. Азов"),
        new("volgodonsk.txt", "Ростовская область", "Волгодонской район"),
        new("essentuki.txt", "Ставропольский край", "г. Ессентуки"),
        new("dubna.txt", "Московская область", "городской округ Дубна"),
        new("stavropol.txt", "Ставропольский край", null),
    ];

    /// <summary>A demo document's bytes, embedded in this assembly so that a clone alone shows the full demo.</summary>
    public static byte[] Content(string fileName)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("Nastavnik.Demo.Roadmaps." + fileName)
            ?? throw new FileNotFoundException($"Demo roadmap {fileName} is not embedded in {Assembly.GetExecutingAssembly().GetName().Name}");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    public static Task LoadAsync(NastavnikDb db, TextWriter log) =>
        LoadAsync(db, Places.Select(p => (p, Content(p.FileName))).ToList(), log);

    /// <summary>Loads the given documents into their places (the tests also load the real seed roadmaps this way).</summary>
    public static async Task LoadAsync(NastavnikDb db, IReadOnlyList<(Place Place, byte[] Content)> documents, TextWriter log)
    {
        var reader = new RoadmapFileReader(Options.Create(new NastavnikOptions()));
        foreach (var (place, content) in documents)
        {
            var name = place.Municipality ?? place.Region;
            var node = await NodeAsync(db, place);
            if (node is null)
            {
                log.WriteLine($"Territory of demo roadmap {place.FileName} ({name}) not found; skipped.");
                continue;
            }
            // Databases loaded before the demo had its own documents hold a roadmap from another file here.
            if (await db.Roadmaps.AnyAsync(r => r.RegionId == node.RegionId && r.Level == node.Level && r.MunicipalityId == node.MunicipalityId))
            {
                log.WriteLine($"Roadmap of {name} already loaded.");
                continue;
            }
            var read = reader.Read(place.FileName, content);
            if (read.Document is not { } document)
            {
                log.WriteLine($"Demo roadmap {place.FileName} not read: {read.Error}");
                continue;
            }
            var period = RoadmapImporter.SuggestPeriod(document) ?? Period.Years(2020, 2024);

            // Import, approval and execution records of a roadmap are one transaction: it is either fully there or not.
            await using var tx = await db.Database.BeginTransactionAsync();
            var outcome = await new RoadmapImporter(db).ImportAsync(document, node, period, place.FileName, RoadmapImporter.Hash(content));
            var marks = await ApproveAndFillAsync(db, outcome.RoadmapId);
            await tx.CommitAsync();
            db.ChangeTracker.Clear();
            log.WriteLine($"Roadmap of {name}: {outcome.Items} items, {outcome.Occurrences} occurrences, approved; {marks} execution records.");
        }
    }

    private static async Task<RoadmapImporter.Node?> NodeAsync(NastavnikDb db, Place place)
    {
        var regionId = await db.Regions.Where(r => r.Name == place.Region).Select(r => (long?)r.Id).SingleOrDefaultAsync();
        if (regionId is not { } region) return null;
        if (place.Municipality is null) return new RoadmapImporter.Node(RoadmapLevel.Region, region, null, null);
        var municipality = await db.Municipalities.Where(m => m.RegionId == region && m.Name == place.Municipality)
            .Select(m => (long?)m.Id).SingleOrDefaultAsync();
        return municipality is { } m ? new RoadmapImporter.Node(RoadmapLevel.Municipality, region, m, null) : null;
    }

    /// <summary>
    /// Approves the roadmap by its order (municipal and regional plans need no upward clearance) and marks its dated
    /// occurrences in a fixed pattern: of every 20, 12 done on time, 3 done late, 2 not done, 2 in progress, 1 not
    /// required. Returns the number of records marked.
    /// </summary>
    private static async Task<int> ApproveAndFillAsync(NastavnikDb db, long roadmapId)
    {
        var roadmap = await db.Roadmaps.SingleAsync(r => r.Id == roadmapId);
        var order = roadmap.OrderNumber.Length > 0 || roadmap.OrderDate is not null
            ? $"приказом{(roadmap.OrderDate is { } d ? $" от {d:dd.MM.yyyy}" : "")}{(roadmap.OrderNumber.Length > 0 ? $" № {roadmap.OrderNumber}" : "")}"
            : "руководителем";
        roadmap.StatusChanges.Add(new RoadmapStatusChange
        {
            FromStatus = roadmap.Status, ToStatus = RoadmapStatus.Approved, Comment = $"Утверждена {order} (демонстрационные данные)",
        });
        roadmap.Status = RoadmapStatus.Approved;

        var occurrences = await db.RoadmapOccurrences.Where(o => o.RoadmapId == roadmapId && o.DueDate != null)
            .OrderBy(o => o.Id).ToListAsync();
        for (var i = 0; i < occurrences.Count; i++)
        {
            var o = occurrences[i];
            var due = o.DueDate!.Value;
            // Spread the days a little by position so that the figures do not look machine-made.
            var shift = i % 7 + 1;
            switch (i % 20)
            {
                case < 12:
                    o.Status = OccurrenceStatus.Done;
                    o.DoneOn = due.AddDays(-shift * 2);
                    break;
                case < 15:
                    o.Status = OccurrenceStatus.Done;
                    o.DoneOn = due.AddDays(shift * 5);
                    break;
                case < 17:
                    o.Status = OccurrenceStatus.NotDone;
                    o.Comment = "Не выполнено в срок: перенесено решением рабочей группы";
                    break;
                case < 19:
                    o.Status = OccurrenceStatus.InProgress;
                    break;
                default:
                    o.Status = OccurrenceStatus.NotRequired;
                    o.Comment = "Не требуется в этом году";
                    break;
            }
            if (o.Status == OccurrenceStatus.Done) o.Comment = "Выполнено (демонстрационные данные)";
        }
        await db.SaveChangesAsync();
        return occurrences.Count;
    }
}
