using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Nastavnik.Data.Entities.People;
using Nastavnik.Domain.Pairs;

namespace Nastavnik.Data.Entities.Pairs;

/// <summary>One member's feedback after a meeting or for the month (ratings 1–10, DOMAIN.md §4 «Feedback»).</summary>
public class Feedback
{
    public long Id { get; set; }
    public long GroupId { get; set; }
    public MentoringGroup Group { get; set; } = null!;
    public long? MeetingId { get; set; }
    public long PersonId { get; set; }
    public Person Person { get; set; } = null!;
    public long RegionId { get; set; }
    public long OrganizationId { get; set; }
    public MemberRole Role { get; set; }
    public int Usefulness { get; set; }
    public int Comfort { get; set; }
    public int? Progress { get; set; }
    public string WentWell { get; set; } = "";
    public string Obstacles { get; set; } = "";
    public bool NeedsHelp { get; set; }
    /// <summary>«Мне было некомфортно или небезопасно»: the curator is notified at once; only curator and head see it.</summary>
    public bool Unsafe { get; set; }
    public DateTimeOffset SubmittedAt { get; set; }
}

public sealed class FeedbackConfiguration : IEntityTypeConfiguration<Feedback>
{
    public void Configure(EntityTypeBuilder<Feedback> b)
    {
        b.Property(x => x.Role).HasConversion(new SnakeCaseEnumConverter<MemberRole>());
        b.Property(x => x.SubmittedAt).HasDefaultValueSql("now()");
    }
}
