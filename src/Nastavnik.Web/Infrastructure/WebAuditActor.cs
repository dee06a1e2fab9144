using System.Security.Claims;
using Nastavnik.Data;

namespace Nastavnik.Web.Infrastructure;

public static class WebAuditActor
{
    /// <summary>The audit actor of a web request: the signed-in user (from the cookie's claims) and the client IP.</summary>
    public static AuditActor From(HttpContext? context)
    {
        if (context is null) return AuditActor.System;
        var user = context.User;
        return new AuditActor
        {
            UserId = long.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : null,
            UserName = user.Identity?.Name ?? "",
            Ip = context.Connection.RemoteIpAddress?.ToString() ?? "",
            RegionId = long.TryParse(user.FindFirstValue(CurrentUserClaims.RegionId), out var region) ? region : null,
        };
    }
}
