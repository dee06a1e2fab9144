using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Nastavnik.Data.Entities.People;
using Nastavnik.Domain.Pairs;

namespace Nastavnik.Data.Entities.Pairs;

/// <summary>A mentor or mentee of a pair or group, with the base profile they take part through.</summary>
public class GroupMember
{
    public long Id { get; set; }
    public long GroupId { get; set; }
    public MentoringGroup Group { get; set; } = null!;
    public long PersonId { get; set; }
    public Person Person { get; set; } = null!;
    public MemberRole Role { get; set; }
    public long? MentorProfileId { get; set; }
    public MentorProfile? MentorProfile { get; set; }
    public long? MenteeProfileId { get; set; }
    public MenteeProfile? MenteeProfile { get; set; }
    public DateOnly JoinedOn { get; set; }
    public DateOnly? LeftOn { get; set; }
    public LeaveReason LeftReason { get; set; }
}

public sealed class GroupMemberConfiguration : IEntityTypeConfiguration<GroupMember>
{
    public void Configure(EntityTypeBuilder<GroupMember> b)
    {
        b.Property(x => x.Role).HasConversion(new SnakeCaseEnumConverter<MemberRole>());
        b.Property(x => x.LeftReason).HasConversion(new SnakeCaseEnumConverter<LeaveReason>());
    }
}
