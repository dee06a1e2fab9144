using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Nastavnik.Domain.People;

namespace Nastavnik.Data.Entities.People;

/// <summary>A questionnaire version; frozen once answered (edits make a new version).</summary>
public class Instrument
{
    public long Id { get; set; }
    public long? RegionId { get; set; }
    public string Code { get; set; } = "";
    public string Name { get; set; } = "";
    public ModelFamily Family { get; set; }
    public string Form { get; set; } = "";
    public InstrumentRespondent Respondent { get; set; }
    public InstrumentMoment Moment { get; set; }
    public int Version { get; set; } = 1;
    public bool IsFrozen { get; set; }
    public bool IsActive { get; set; } = true;
    public DateTimeOffset CreatedAt { get; set; }
    public List<InstrumentItem> Items { get; set; } = [];
}

public class InstrumentItem
{
    public long Id { get; set; }
    public long InstrumentId { get; set; }
    public int Position { get; set; }
    public InstrumentItemKind Kind { get; set; }
    public string Text { get; set; } = "";
    public List<string> Options { get; set; } = [];
    /// <summary>'' or the profile field an answer fills: requests, competencies, availability, interests.</summary>
    public string Fills { get; set; } = "";
    public bool IsRequired { get; set; }
}

public class Response
{
    public long Id { get; set; }
    public long InstrumentId { get; set; }
    public Instrument Instrument { get; set; } = null!;
    public long PersonId { get; set; }
    public long RegionId { get; set; }
    public long OrganizationId { get; set; }
    public long? ProgramId { get; set; }
    public DateTimeOffset SubmittedAt { get; set; }
    public long? EnteredByUserId { get; set; }
    public bool FromPaper { get; set; }
    public List<ResponseAnswer> Answers { get; set; } = [];
}

public class ResponseAnswer
{
    public long Id { get; set; }
    public long ResponseId { get; set; }
    public long ItemId { get; set; }
    public string Value { get; set; } = "";
}

public sealed class InstrumentConfiguration : IEntityTypeConfiguration<Instrument>
{
    public void Configure(EntityTypeBuilder<Instrument> b)
    {
        b.Property(x => x.Family).HasConversion(new SnakeCaseEnumConverter<ModelFamily>());
        b.Property(x => x.Respondent).HasConversion(new SnakeCaseEnumConverter<InstrumentRespondent>());
        b.Property(x => x.Moment).HasConversion(new SnakeCaseEnumConverter<InstrumentMoment>());
        b.Property(x => x.CreatedAt).HasDefaultValueSql("now()");
        b.HasMany(x => x.Items).WithOne().HasForeignKey(x => x.InstrumentId);
    }
}

public sealed class InstrumentItemConfiguration : IEntityTypeConfiguration<InstrumentItem>
{
    public void Configure(EntityTypeBuilder<InstrumentItem> b) => b.Property(x => x.Kind).HasConversion(new SnakeCaseEnumConverter<InstrumentItemKind>());
}

public sealed class ResponseConfiguration : IEntityTypeConfiguration<Response>
{
    public void Configure(EntityTypeBuilder<Response> b)
    {
        b.Property(x => x.SubmittedAt).HasDefaultValueSql("now()");
        b.HasMany(x => x.Answers).WithOne().HasForeignKey(x => x.ResponseId);
    }
}
