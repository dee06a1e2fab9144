using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Nastavnik.Data;
using Nastavnik.Domain.Access;

namespace Nastavnik.Web.Infrastructure;

/// <summary>The signed-in user of this request and the scope their assignments reach, loaded once per request.</summary>
public sealed class CurrentUser(IHttpContextAccessor http, NastavnikDb db)
{
    private Scope? _scope;

    public long? Id => long.TryParse(http.HttpContext?.User.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : null;

    public string FullName => http.HttpContext?.User.FindFirstValue(CurrentUserClaims.FullName) ?? "";

    public async Task<Scope> GetScopeAsync()
    {
        if (_scope is not null) return _scope;
        if (Id is not { } id) return _scope = Scope.Nobody;
        // An inactive user keeps their cookie until it expires but reaches nothing.
        var assignments = await db.RoleAssignments.AsNoTracking()
            .Where(a => a.UserId == id && a.User.IsActive)
            .Select(a => new Assignment(a.Role, a.RegionId, a.MunicipalityId, a.OrganizationId))
            .ToListAsync();
        return _scope = new Scope(assignments);
    }
}

public static class CurrentUserClaims
{
    public const string FullName = "nastavnik:full_name";
    public const string RegionId = "nastavnik:region_id";
}
