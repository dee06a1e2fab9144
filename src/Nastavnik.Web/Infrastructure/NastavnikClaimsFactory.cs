using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Nastavnik.Data;
using Nastavnik.Data.Entities;

namespace Nastavnik.Web.Infrastructure;

/// <summary>Adds the ФИО (for the header) and the user's home region (to file audit entries) to the cookie.</summary>
public sealed class NastavnikClaimsFactory(UserManager<User> users, IOptions<IdentityOptions> options, NastavnikDb db)
    : UserClaimsPrincipalFactory<User>(users, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(User user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(CurrentUserClaims.FullName, user.FullName));
        var region = await db.RoleAssignments.Where(a => a.UserId == user.Id && a.RegionId != null)
            .OrderBy(a => a.Id).Select(a => a.RegionId).FirstOrDefaultAsync();
        if (region is not null) identity.AddClaim(new Claim(CurrentUserClaims.RegionId, region.Value.ToString()));
        return identity;
    }
}
