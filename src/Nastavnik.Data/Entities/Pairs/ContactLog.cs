using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Nastavnik.Domain.Pairs;

namespace Nastavnik.Data.Entities.Pairs;

/// <summary>A curator's contact with a member of a pair or group (DOMAIN.md §4 «Staff contact cadence»).</summary>
public class ContactLog
{
    public long Id { get; set; }
    public long GroupId { get; set; }
    public MentoringGroup Group { get; set; } = null!;
    public long RegionId { get; set; }
    public long OrganizationId { get; set; }
    public DateOnly ContactedOn { get; set; }
    public int? DurationMinutes { get; set; }
    public ContactChannel Channel { get; set; }
    public ContactWith WithRole { get; set; }
    public long? PersonId { get; set; }
    public ContactNature Nature { get; set; }
    public string Note { get; set; } = "";
    public long? UserId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}

public sealed class ContactLogConfiguration : IEntityTypeConfiguration<ContactLog>
{
    public void Configure(EntityTypeBuilder<ContactLog> b)
    {
        b.Property(x => x.Channel).HasConversion(new SnakeCaseEnumConverter<ContactChannel>());
        b.Property(x => x.WithRole).HasConversion(new SnakeCaseEnumConverter<ContactWith>());
        b.Property(x => x.Nature).HasConversion(new SnakeCaseEnumConverter<ContactNature>());
        b.Property(x => x.CreatedAt).HasDefaultValueSql("now()");
    }
}
