using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Nastavnik.Web.Features.Shared;

public static class DbErrors
{
    /// <summary>
    /// The name of the unique constraint (or unique index) a save broke, or null when it failed otherwise. The
    /// database is the judge of uniqueness: a check before saving would race with a concurrent insert.
    /// </summary>
    public static string? UniqueConstraint(DbUpdateException e) =>
        e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } p ? p.ConstraintName : null;
}
