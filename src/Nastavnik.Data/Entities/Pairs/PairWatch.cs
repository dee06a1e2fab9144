using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Nastavnik.Data.Entities.Pairs;

/// <summary>
/// The watch-list flags of one active pair as of a Moscow date, kept by database triggers on meetings, feedback,
/// contacts, pairs, members and people's names (migration 15). Read-only from the application: rows go stale at midnight and are recomputed
/// by <c>watch_refresh</c> (see Features/Pairs/Watch/WatchQuery).
/// </summary>
public class PairWatch
{
    public long GroupId { get; set; }
    public long OrganizationId { get; set; }
    public DateOnly StartDate { get; set; }
    public DateOnly AsOf { get; set; }
    public bool Stalled { get; set; }
    public bool MissingFeedback { get; set; }
    public bool OverdueContacts { get; set; }
    public bool LowRatings { get; set; }
    /// <summary>The current mentors' ФИО, comma-separated, as the school's staff see them on the list.</summary>
    public string Mentors { get; set; } = "";
    public string Mentees { get; set; } = "";
}

/// <summary>The counts of an organization's active pairs on each watch list as of a Moscow date (migration 15).</summary>
public class WatchTotal
{
    public long OrganizationId { get; set; }
    public DateOnly AsOf { get; set; }
    public int Active { get; set; }
    public int Stalled { get; set; }
    public int MissingFeedback { get; set; }
    public int OverdueContacts { get; set; }
    public int LowRatings { get; set; }
}

public sealed class PairWatchConfiguration : IEntityTypeConfiguration<PairWatch>
{
    public void Configure(EntityTypeBuilder<PairWatch> b) => b.HasKey(x => x.GroupId);
}

public sealed class WatchTotalConfiguration : IEntityTypeConfiguration<WatchTotal>
{
    public void Configure(EntityTypeBuilder<WatchTotal> b) => b.HasKey(x => x.OrganizationId);
}
