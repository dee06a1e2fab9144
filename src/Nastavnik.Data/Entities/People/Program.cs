using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Nastavnik.Domain.People;

namespace Nastavnik.Data.Entities.People;

/// <summary>«Программа наставничества» of an organization for one cycle.</summary>
public class MentoringProgram
{
    public long Id { get; set; }
    public long RegionId { get; set; }
    public long OrganizationId { get; set; }
    public Organization Organization { get; set; } = null!;
    public string Name { get; set; } = "";
    public ModelFamily Family { get; set; }
    public DateOnly PeriodStart { get; set; }
    public DateOnly PeriodEnd { get; set; }
    public long? CuratorUserId { get; set; }
    /// <summary>Codes of the forms (role pairings) it runs, e.g. "pupil_pupil".</summary>
    public List<string> Forms { get; set; } = [];
    public List<string> DeliveryModes { get; set; } = [];
    /// <summary>Special-category codes the programme offers accessibility measures for.</summary>
    public List<string> AccessibilityMeasures { get; set; } = [];
    public string RegulationFileName { get; set; } = "";
    public byte[]? RegulationContent { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}

public sealed class MentoringProgramConfiguration : IEntityTypeConfiguration<MentoringProgram>
{
    public void Configure(EntityTypeBuilder<MentoringProgram> b)
    {
        b.Property(x => x.Family).HasConversion(new SnakeCaseEnumConverter<ModelFamily>());
        b.Property(x => x.CreatedAt).HasDefaultValueSql("now()");
    }
}
