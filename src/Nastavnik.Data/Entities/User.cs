using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Nastavnik.Data.Entities;

public class User : IdentityUser<long>
{
    /// <summary>ФИО in Russian order: «Фамилия Имя Отчество».</summary>
    public string FullName { get; set; } = "";
    public bool IsActive { get; set; } = true;
    public DateTimeOffset CreatedAt { get; set; }
    /// <summary>The person this login belongs to (a mentor's, mentee's or parent's self-service account).</summary>
    public long? PersonId { get; set; }
    public List<RoleAssignment> Assignments { get; set; } = [];
}

public sealed class UserConfiguration : IEntityTypeConfiguration<User>
{
    public void Configure(EntityTypeBuilder<User> b)
    {
        b.Property(x => x.CreatedAt).HasDefaultValueSql("now()");
        b.HasMany(x => x.Assignments).WithOne(x => x.User).HasForeignKey(x => x.UserId);
    }
}
