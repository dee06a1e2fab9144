using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Nastavnik.Domain.Pairs;

namespace Nastavnik.Data.Entities.Pairs;

/// <summary>A meeting of a pair or group (DOMAIN.md §4 «Meeting record»).</summary>
public class Meeting
{
    public long Id { get; set; }
    public long GroupId { get; set; }
    public MentoringGroup Group { get; set; } = null!;
    public long RegionId { get; set; }
    public long OrganizationId { get; set; }
    public MeetingType Type { get; set; }
    public DateOnly HeldOn { get; set; }
    public TimeOnly? StartTime { get; set; }
    public int DurationMinutes { get; set; }
    public MeetingFormat Format { get; set; }
    public string Place { get; set; } = "";
    public string Topic { get; set; } = "";
    public string Result { get; set; } = "";
    public string NextStep { get; set; } = "";
    public DateOnly? NextDate { get; set; }
    public MeetingOutcome Outcome { get; set; }
    /// <summary>Why a step of the sequence was skipped (allowed with a reason).</summary>
    public string SkipReason { get; set; } = "";
    public long[] AttendeePersonIds { get; set; } = [];
    public long? RecordedByUserId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public uint RowVersion { get; set; }
}

public sealed class MeetingConfiguration : IEntityTypeConfiguration<Meeting>
{
    public void Configure(EntityTypeBuilder<Meeting> b)
    {
        b.Property(x => x.Type).HasConversion(new SnakeCaseEnumConverter<MeetingType>());
        b.Property(x => x.Format).HasConversion(new SnakeCaseEnumConverter<MeetingFormat>());
        b.Property(x => x.Outcome).HasConversion(new SnakeCaseEnumConverter<MeetingOutcome>());
        b.Property(x => x.CreatedAt).HasDefaultValueSql("now()");
        b.Property(x => x.RowVersion).IsRowVersion().HasColumnName("xmin");
    }
}
