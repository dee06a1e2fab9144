using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Nastavnik.Domain.People;

namespace Nastavnik.Data.Entities.People;

/// <summary>One entry of «Темы запросов и компетенций»: seeded (no region), a region's, or an organization's own.</summary>
public class Topic
{
    public long Id { get; set; }
    public long? RegionId { get; set; }
    public long? OrganizationId { get; set; }
    public ModelFamily Family { get; set; }
    public string Name { get; set; } = "";
    public string Subject { get; set; } = "";
    public bool IsActive { get; set; } = true;
}

public sealed class TopicConfiguration : IEntityTypeConfiguration<Topic>
{
    public void Configure(EntityTypeBuilder<Topic> b) => b.Property(x => x.Family).HasConversion(new SnakeCaseEnumConverter<ModelFamily>());
}
