using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Nastavnik.Domain.Access;

namespace Nastavnik.Data.Entities;

public class RoleAssignment
{
    public long Id { get; set; }
    public long UserId { get; set; }
    public User User { get; set; } = null!;
    public Role Role { get; set; }
    public long? RegionId { get; set; }
    public Region? Region { get; set; }
    public long? MunicipalityId { get; set; }
    public Municipality? Municipality { get; set; }
    public long? OrganizationId { get; set; }
    public Organization? Organization { get; set; }
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>
    /// An assignment of a role at the node its level needs, with the parent ids filled from that node. Returns a
    /// Russian error instead when the node is missing.
    /// </summary>
    public static (RoleAssignment? Assignment, string? Error) For(Role role, long? regionId, Municipality? municipality, Organization? organization) =>
        role.Level() switch
        {
            ScopeLevel.System => (new RoleAssignment { Role = role }, null),
            ScopeLevel.Region => regionId is { } r
                ? (new RoleAssignment { Role = role, RegionId = r }, null)
                : (null, "Для этой роли укажите регион"),
            ScopeLevel.Municipality => municipality is { } m
                ? (new RoleAssignment { Role = role, RegionId = m.RegionId, MunicipalityId = m.Id }, null)
                : (null, "Для этой роли укажите муниципалитет"),
            _ => organization is { } o
                ? (new RoleAssignment { Role = role, RegionId = o.RegionId, MunicipalityId = o.MunicipalityId, OrganizationId = o.Id }, null)
                : (null, "Для этой роли укажите организацию"),
        };
}

public sealed class RoleAssignmentConfiguration : IEntityTypeConfiguration<RoleAssignment>
{
    public void Configure(EntityTypeBuilder<RoleAssignment> b)
    {
        b.Property(x => x.Role).HasConversion(new ValueConverter<Role, string>(r => r.Code(), s => Roles.FromCode(s)));
        b.Property(x => x.CreatedAt).HasDefaultValueSql("now()");
    }
}
