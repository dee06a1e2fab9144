using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Nastavnik.Domain.People;

namespace Nastavnik.Data.Entities.People;

/// <summary>A row of «база наставляемых»: a person's participation as mentee in one programme.</summary>
public class MenteeProfile
{
    public long Id { get; set; }
    public long PersonId { get; set; }
    public Person Person { get; set; } = null!;
    public long ProgramId { get; set; }
    public MentoringProgram Program { get; set; } = null!;
    public long RegionId { get; set; }
    public long OrganizationId { get; set; }
    public long? KeyTopicId { get; set; }
    public Topic? KeyTopic { get; set; }
    /// <summary>Up to three more requests.</summary>
    public long[] ExtraTopicIds { get; set; } = [];
    public string RequestText { get; set; } = "";
    public RequestSource Source { get; set; }
    public DateOnly EntryDate { get; set; }
    public ParticipationStatus Status { get; set; }
    public string Results { get; set; } = "";
    public string CaseLink { get; set; } = "";
    public DateOnly? EndDate { get; set; }
    /// <summary>When the mentee can meet, as written («пн, ср после 14:00»); read by the matcher.</summary>
    public string Availability { get; set; } = "";
    /// <summary>The mentor the mentee asked for (a preference, not a rule).</summary>
    public long? PreferredMentorProfileId { get; set; }
    /// <summary>Mentors the curator excluded for this mentee (a hard filter).</summary>
    public long[] ExcludedMentorProfileIds { get; set; } = [];
    public DateTimeOffset CreatedAt { get; set; }
}

public sealed class MenteeProfileConfiguration : IEntityTypeConfiguration<MenteeProfile>
{
    public void Configure(EntityTypeBuilder<MenteeProfile> b)
    {
        b.Property(x => x.Source).HasConversion(new SnakeCaseEnumConverter<RequestSource>());
        b.Property(x => x.Status).HasConversion(new SnakeCaseEnumConverter<ParticipationStatus>());
        b.Property(x => x.CreatedAt).HasDefaultValueSql("now()");
    }
}
