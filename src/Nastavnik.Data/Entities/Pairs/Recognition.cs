using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Nastavnik.Data.Entities.People;
using Nastavnik.Domain.Pairs;

namespace Nastavnik.Data.Entities.Pairs;

/// <summary>Mentor recognition: «благодарность», «грамота», «приказ о поощрении».</summary>
public class Recognition
{
    public long Id { get; set; }
    public long PersonId { get; set; }
    public Person Person { get; set; } = null!;
    public long? GroupId { get; set; }
    public long RegionId { get; set; }
    public long OrganizationId { get; set; }
    public RecognitionKind Kind { get; set; }
    public DateOnly GrantedOn { get; set; }
    public string OrderNumber { get; set; } = "";
    public string Text { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
}

public sealed class RecognitionConfiguration : IEntityTypeConfiguration<Recognition>
{
    public void Configure(EntityTypeBuilder<Recognition> b)
    {
        b.Property(x => x.Kind).HasConversion(new SnakeCaseEnumConverter<RecognitionKind>());
        b.Property(x => x.CreatedAt).HasDefaultValueSql("now()");
    }
}
