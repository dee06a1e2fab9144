using System.Security.Claims;
using Nastavnik.Data;

namespace Nastavnik.Web.Infrastructure;

public static class WebAuditActor
{
    /// <summary>
    /// The audit actor of a web request: the signed-in user (from the cookie's claims) and the client IP. Read when
    /// an entry is written, not when the DbContext is built: the cookie handler's security-stamp validator builds
    /// the request's DbContext before the user is authenticated, and a snapshot taken then would be anonymous.
    /// </summary>
    public static AuditActor From(HttpContext? context) => context is null ? AuditActor.System : new RequestActor(context);

    private sealed class RequestActor(HttpContext context) : AuditActor
    {
        public override long? UserId =>
            long.TryParse(context.User.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : null;

        // Signed-in users are recorded by id only: a login is often a person's name.
        public override string UserName => "";

        public override string Ip => context.Connection.RemoteIpAddress?.ToString() ?? "";

        public override long? RegionId =>
            long.TryParse(context.User.FindFirstValue(CurrentUserClaims.RegionId), out var region) ? region : null;
    }
}
