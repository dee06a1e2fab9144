using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Nastavnik.Data;
using Nastavnik.Data.Demo;
using Nastavnik.Data.Entities.Roadmaps;
using Nastavnik.Domain.Roadmaps;

namespace Nastavnik.Web.Features.Roadmaps;

/// <summary>
/// The demo roadmaps: the five seed documents imported into their territories through the real importer, approved
/// by their orders, with execution records filled so that the control page shows a picture (done on time, late, not
/// done, in progress). Idempotent: a seed already imported into its node is left as it is. Runs after
/// <see cref="DemoData.EnsureAsync"/>, which makes the territories.
/// </summary>
public static class RoadmapDemo
{
    /// <summary>A seed file (by its number prefix) and the node it belongs to.</summary>
    public sealed record Seed(string Prefix, string Region, string? Municipality);

    public static readonly IReadOnlyList<Seed> Seeds =
    [
        new("000", "Ростовская область", "г. Азов"),
        new("001", "Ростовская область", "Волгодонской район"),
        new("002", "Ставропольский край", "г. Ессентуки"),
        new("003", "Московская область", "городской округ Дубна"),
        new("004", "Ставропольский край", null),
    ];

    /// <summary>The seeds folder (…/shared/seeds), looked for upward from <paramref name="start"/> (default: the current folder, then the app's).</summary>
    public static string? FindSeedsDirectory(string? start = null)
    {
        foreach (var origin in new[] { start, Directory.GetCurrentDirectory(), AppContext.BaseDirectory }.Where(s => s is not null))
        {
            for (var dir = new DirectoryInfo(origin!); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "shared", "seeds");
                if (Directory.Exists(candidate) && Directory.EnumerateFiles(candidate, "000_*.txt").Any()) return candidate;
            }
        }
        return null;
    }

    public static async Task LoadAsync(NastavnikDb db, string seedsDirectory, TextWriter log)
    {
        var reader = new RoadmapFileReader(Options.Create(new NastavnikOptions()));
        foreach (var seed in Seeds)
        {
            var file = Directory.EnumerateFiles(seedsDirectory, seed.Prefix + "_*.txt").Order().FirstOrDefault();
            if (file is null)
            {
                log.WriteLine($"Seed roadmap {seed.Prefix}_*.txt not found in {seedsDirectory}; skipped.");
                continue;
            }
            var node = await NodeAsync(db, seed);
            if (node is null)
            {
                log.WriteLine($"Territory of seed {seed.Prefix} ({seed.Municipality ?? seed.Region}) not found; skipped.");
                continue;
            }
            var content = await File.ReadAllBytesAsync(file);
            var read = reader.Read(Path.GetFileName(file), content);
            if (read.Document is not { } document)
            {
                log.WriteLine($"Seed {Path.GetFileName(file)} not read: {read.Error}");
                continue;
            }
            var period = RoadmapImporter.SuggestPeriod(document) ?? Period.Years(2020, 2024);

            // Import, approval and execution records of a seed are one transaction: a seed is either fully there or not.
            await using var tx = await db.Database.BeginTransactionAsync();
            var outcome = await new RoadmapImporter(db).ImportAsync(document, node, period, Path.GetFileName(file), RoadmapImporter.Hash(content));
            if (outcome.AlreadyImported)
            {
                await tx.RollbackAsync();
                log.WriteLine($"Roadmap {seed.Prefix} ({seed.Municipality ?? seed.Region}) already loaded.");
                continue;
            }
            var marks = await ApproveAndFillAsync(db, outcome.RoadmapId);
            await tx.CommitAsync();
            db.ChangeTracker.Clear();
            log.WriteLine($"Roadmap {seed.Prefix} ({seed.Municipality ?? seed.Region}): {outcome.Items} items, {outcome.Occurrences} occurrences, approved; {marks} execution records.");
        }
    }

    private static async Task<RoadmapImporter.Node?> NodeAsync(NastavnikDb db, Seed seed)
    {
        var regionId = await db.Regions.Where(r => r.Name == seed.Region).Select(r => (long?)r.Id).SingleOrDefaultAsync();
        if (regionId is not { } region) return null;
        if (seed.Municipality is null) return new RoadmapImporter.Node(RoadmapLevel.Region, region, null, null);
        var municipality = await db.Municipalities.Where(m => m.RegionId == region && m.Name == seed.Municipality)
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
