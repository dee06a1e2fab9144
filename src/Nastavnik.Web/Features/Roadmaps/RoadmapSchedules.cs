using System.Globalization;
using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Nastavnik.Data;
using Nastavnik.Data.Entities.Roadmaps;
using Nastavnik.Data.Roadmaps;
using Nastavnik.Domain.Roadmaps;

namespace Nastavnik.Web.Features.Roadmaps;

/// <summary>
/// An item's schedule and its occurrence rows, shared by the workflow pages: the schedule is always derived from the
/// item's own text (the deadline, or the start/end columns when set), so it can be rebuilt whenever the text or the
/// period changes.
/// </summary>
public static class RoadmapSchedules
{
    public const string DateFormat = "dd.MM.yyyy";

    /// <summary>
    /// The item's schedule: separate start/end columns (Дубна, or dates a person set for an unrecognized deadline)
    /// win over the deadline text.
    /// </summary>
    public static DeadlineSchedule ScheduleOf(RoadmapItem item, Period period) =>
        item.EndText.Trim().Length > 0
            ? DeadlineParser.FromColumns(item.StartText, item.EndText, period)
            : DeadlineParser.Parse(item.DeadlineText, period);

    /// <summary>Copies the parsed kind and flags onto the item.</summary>
    public static void ApplyKind(RoadmapItem item, DeadlineSchedule schedule)
    {
        item.DeadlineKind = schedule.Kind;
        item.DeadlineLowPrecision = schedule.LowPrecision;
        item.DeadlineThenOnDemand = schedule.ThenOnDemand;
    }

    /// <summary>The organizations of the roadmap's territory, for fan-out items.</summary>
    public static async Task<List<(long Id, long MunicipalityId)>> OrganizationsAsync(NastavnikDb db, Roadmap roadmap)
    {
        var query = roadmap.Level switch
        {
            RoadmapLevel.Region => db.Organizations.Where(o => o.RegionId == roadmap.RegionId),
            RoadmapLevel.Municipality => db.Organizations.Where(o => o.MunicipalityId == roadmap.MunicipalityId),
            _ => db.Organizations.Where(o => false),
        };
        var rows = await query.OrderBy(o => o.Id).Select(o => new { o.Id, o.MunicipalityId }).ToListAsync();
        return rows.Select(o => (o.Id, o.MunicipalityId)).ToList();
    }

    /// <summary>An execution record somebody has filled in: it must not be thrown away by a rebuild.</summary>
    public static readonly Expression<Func<RoadmapOccurrence, bool>> IsFilled = o =>
        o.Status != OccurrenceStatus.NotStarted || o.Comment != "" || o.DoneOn != null || o.Evidence.Any();

    /// <summary>The schedule an item's existing occurrences carry, for copies that keep hand-set dates as they are.</summary>
    public static DeadlineSchedule ScheduleFromOccurrences(RoadmapItem item, IEnumerable<RoadmapOccurrence> occurrences)
    {
        var dates = occurrences.Where(o => o.DueDate is not null)
            .Select(o => new Occurrence(o.StartDate, o.DueDate!.Value)).Distinct()
            .OrderBy(o => o.Due).ThenBy(o => o.Start).ToList();
        return new DeadlineSchedule(item.DeadlineText, item.DeadlineKind, dates, item.DeadlineLowPrecision, item.DeadlineThenOnDemand);
    }

    /// <summary>«15.11.2020» or «01.10.2020–31.12.2020».</summary>
    public static string DatesText(DateOnly? start, DateOnly? due) => (start, due) switch
    {
        (_, null) => "по событию",
        (null, { } d) => d.ToString(DateFormat, CultureInfo.InvariantCulture),
        ({ } s, { } d) when s == d => d.ToString(DateFormat, CultureInfo.InvariantCulture),
        ({ } s, { } d) => $"{s.ToString(DateFormat, CultureInfo.InvariantCulture)}–{d.ToString(DateFormat, CultureInfo.InvariantCulture)}",
    };

    public static string PeriodText(DateOnly start, DateOnly end) => DatesText(start, end);

    public static bool TryParseDate(string text, out DateOnly date) =>
        DateOnly.TryParseExact(text.Trim(), DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out date);

    /// <summary>Replaces an item's occurrences with those of its current schedule (callers check none is filled).</summary>
    public static void Rebuild(NastavnikDb db, Roadmap roadmap, RoadmapItem item, DeadlineSchedule schedule,
        IReadOnlyList<(long Id, long MunicipalityId)> organizations)
    {
        db.RoadmapOccurrences.RemoveRange(item.Occurrences);
        item.Occurrences.Clear();
        db.RoadmapOccurrences.AddRange(RoadmapOccurrences.Build(roadmap, item, schedule, organizations));
    }
}
