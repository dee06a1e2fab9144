using Nastavnik.Data.Entities.Roadmaps;
using Nastavnik.Domain.Roadmaps;

namespace Nastavnik.Data.Roadmaps;

/// <summary>
/// Turns an item's parsed schedule into occurrence rows (execution records): one per dated occurrence, times one per
/// organization of the roadmap's territory when the item fans out (DOMAIN.md §8: «Руководители ОО» in a municipal plan
/// means every school does it). An event-driven item gets one undated occurrence; an unrecognized deadline none,
/// until a person sets the dates.
/// </summary>
public static class RoadmapOccurrences
{
    public sealed record Target(long? MunicipalityId, long? OrganizationId);

    /// <param name="organizations">The organizations of the roadmap's territory (id, municipality), for fan-out.</param>
    public static List<RoadmapOccurrence> Build(Roadmap roadmap, RoadmapItem item, DeadlineSchedule schedule,
        IReadOnlyList<(long Id, long MunicipalityId)> organizations)
    {
        var dates = schedule.Kind switch
        {
            DeadlineKind.Unrecognized => [],
            DeadlineKind.OnDemand => [(Start: (DateOnly?)null, Due: (DateOnly?)null)],
            _ => schedule.Occurrences.Select(o => (o.Start, Due: (DateOnly?)o.Due)).ToList(),
        };
        var result = new List<RoadmapOccurrence>(dates.Count * Math.Max(1, organizations.Count));
        foreach (var target in Targets(roadmap, item, organizations))
        {
            foreach (var (start, due) in dates)
            {
                result.Add(new RoadmapOccurrence
                {
                    Item = item,
                    Roadmap = roadmap,
                    RegionId = roadmap.RegionId,
                    MunicipalityId = target.MunicipalityId,
                    OrganizationId = target.OrganizationId,
                    StartDate = start,
                    DueDate = due,
                    Status = OccurrenceStatus.NotStarted,
                });
            }
        }
        return result;
    }

    public static IEnumerable<Target> Targets(Roadmap roadmap, RoadmapItem item, IReadOnlyList<(long Id, long MunicipalityId)> organizations)
    {
        if (roadmap.Level == RoadmapLevel.Organization) return [new Target(roadmap.MunicipalityId, roadmap.OrganizationId)];
        if (item.FanOut && organizations.Count > 0) return organizations.Select(o => new Target(o.MunicipalityId, o.Id));
        return [new Target(roadmap.MunicipalityId, null)];
    }
}
