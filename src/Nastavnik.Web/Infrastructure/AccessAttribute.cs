using Microsoft.AspNetCore.Authorization;
using Nastavnik.Domain.Access;

namespace Nastavnik.Web.Infrastructure;

/// <summary>What kind of record a page's {id} names: the access test fills it with in- and out-of-scope rows.</summary>
public enum ScopedEntity { None, Region, Municipality, Organization, Partner, User, Roadmap, RoadmapItem, RoadmapOccurrence, Person, Program, Instrument, MatchRun, MentoringGroup }

/// <summary>
/// The declared access rule of a page or endpoint: the roles that may open it (none listed = any signed-in user,
/// even one whose roles were all removed, so that they can still sign out),
/// and the kind of record its id names. Every endpoint must carry one (or [AllowAnonymous]); the access-matrix
/// test fails for one that does not. Records are further filtered by <c>Scoping.InScope</c> in the page.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method)]
public sealed class AccessAttribute(params Role[] roles) : AuthorizeAttribute, IAuthorizationRequirementData
{
    public IReadOnlyList<Role> AllowedRoles { get; } = roles;
    public ScopedEntity Entity { get; init; }

    public IEnumerable<IAuthorizationRequirement> GetRequirements() => [new RoleRequirement(AllowedRoles)];

    public bool Allows(Scope scope) => AllowedRoles.Count == 0 || scope.HasAny(AllowedRoles);
}

public sealed record RoleRequirement(IReadOnlyList<Role> Roles) : IAuthorizationRequirement;

public sealed class RoleRequirementHandler(CurrentUser currentUser) : AuthorizationHandler<RoleRequirement>
{
    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, RoleRequirement requirement)
    {
        if (context.User.Identity?.IsAuthenticated != true) return;
        if (requirement.Roles.Count == 0)
        {
            context.Succeed(requirement);
            return;
        }
        var scope = await currentUser.GetScopeAsync();
        if (scope.HasAny(requirement.Roles))
        {
            context.Succeed(requirement);
        }
    }
}
