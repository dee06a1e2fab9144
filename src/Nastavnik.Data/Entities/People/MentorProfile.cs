using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Nastavnik.Domain.People;

namespace Nastavnik.Data.Entities.People;

/// <summary>A row of «база наставников»: competencies, resources and the selection record (interview, screening, training).</summary>
public class MentorProfile
{
    public long Id { get; set; }
    public long PersonId { get; set; }
    public Person Person { get; set; } = null!;
    public long ProgramId { get; set; }
    public MentoringProgram Program { get; set; } = null!;
    public long RegionId { get; set; }
    public long OrganizationId { get; set; }
    public long[] CompetencyTopicIds { get; set; } = [];
    public string Achievements { get; set; } = "";
    public string Interests { get; set; } = "";
    public int? DesiredAgeMin { get; set; }
    public int? DesiredAgeMax { get; set; }
    public int? HoursPerMonth { get; set; }
    /// <summary>Weekly availability as written («вт, чт после 15:00»).</summary>
    public string Availability { get; set; } = "";
    public int Capacity { get; set; } = 3;
    public List<string> AllowedForms { get; set; } = [];
    public string Source { get; set; } = "";
    public ParticipationStatus Status { get; set; }
    public DateOnly? InterviewDate { get; set; }
    public string InterviewNotes { get; set; } = "";
    /// <summary>Codes of the screening checklist done: interview, training, consent, extra_duties, no_criminal_record.</summary>
    public List<string> ScreeningDone { get; set; } = [];
    public string TrainingCourse { get; set; } = "";
    public string TrainingProvider { get; set; } = "";
    public decimal? TrainingHours { get; set; }
    public DateOnly? TrainingCompletedOn { get; set; }
    public string Results { get; set; } = "";
    public string CaseLink { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
}

public sealed class MentorProfileConfiguration : IEntityTypeConfiguration<MentorProfile>
{
    public void Configure(EntityTypeBuilder<MentorProfile> b)
    {
        b.Property(x => x.Status).HasConversion(new SnakeCaseEnumConverter<ParticipationStatus>());
        b.Property(x => x.CreatedAt).HasDefaultValueSql("now()");
    }
}
