using Microsoft.EntityFrameworkCore;
using Nastavnik.Data;

namespace Nastavnik.Web.Infrastructure;

/// <summary>/health for a load balancer: 200 when PostgreSQL answers, 503 when it does not.</summary>
public static class HealthCheck
{
    public static async Task<IResult> Handle(NastavnikDb db, CancellationToken ct)
    {
        bool reachable;
        try
        {
            reachable = await db.Database.CanConnectAsync(ct);
        }
        catch (Exception)
        {
            reachable = false;
        }
        return reachable
            ? Results.Json(new { status = "ok", database = "reachable" })
            : Results.Json(new { status = "unavailable", database = "unreachable" }, statusCode: StatusCodes.Status503ServiceUnavailable);
    }
}
