using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Nastavnik.Domain.People;

namespace Nastavnik.Data.Entities.People;

/// <summary>A participant or a legal representative, attached to the organization whose bases hold them.</summary>
public class Person
{
    public long Id { get; set; }
    public long RegionId { get; set; }
    public long OrganizationId { get; set; }
    public Organization Organization { get; set; } = null!;
    public PersonKind Kind { get; set; }
    public string LastName { get; set; } = "";
    public string FirstName { get; set; } = "";
    public string MiddleName { get; set; } = "";
    public DateOnly? BirthDate { get; set; }
    public Sex? Sex { get; set; }
    public string Phone { get; set; } = "";
    public string Email { get; set; } = "";
    public string ClassName { get; set; } = "";
    public int? Grade { get; set; }
    public string Position { get; set; } = "";
    public string Subjects { get; set; } = "";
    public DateOnly? ExperienceStart { get; set; }
    public string College { get; set; } = "";
    public long? PartnerId { get; set; }
    public PersonStatus Status { get; set; }
    public DateTimeOffset? BlockedAt { get; set; }
    public List<string> SpecialCategories { get; set; } = [];
    /// <summary>
    /// Set by a database trigger when the person is destroyed: a salted hash of the normalized ФИО + birth date (the salt
    /// is a secret only the database owner reads), so a re-import can recognise the child without keeping the name.
    /// </summary>
    public string? ReimportKey { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public uint RowVersion { get; set; }
    public List<Consent> Consents { get; set; } = [];
    /// <summary>Links to this person's legal representatives (when this person is the child).</summary>
    public List<LegalRepresentative> Representatives { get; set; } = [];

    public string FullName => PeopleTerms.FullName(LastName, FirstName, MiddleName);
}

public sealed class PersonConfiguration : IEntityTypeConfiguration<Person>
{
    public void Configure(EntityTypeBuilder<Person> b)
    {
        b.Property(x => x.Kind).HasConversion(new SnakeCaseEnumConverter<PersonKind>());
        b.Property(x => x.Status).HasConversion(new SnakeCaseEnumConverter<PersonStatus>());
        b.Property(x => x.Sex).HasConversion(new SnakeCaseEnumConverter<Sex>());
        b.Property(x => x.CreatedAt).HasDefaultValueSql("now()");
        b.Property(x => x.RowVersion).IsRowVersion().HasColumnName("xmin");
        b.Ignore(x => x.FullName);
        b.HasMany(x => x.Consents).WithOne(x => x.Person).HasForeignKey(x => x.PersonId);
        b.HasMany(x => x.Representatives).WithOne(x => x.Child).HasForeignKey(x => x.ChildId);
    }
}
