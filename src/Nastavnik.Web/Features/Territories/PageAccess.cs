using System.Reflection;
using Nastavnik.Domain.Access;
using Nastavnik.Web.Infrastructure;

namespace Nastavnik.Web.Features.Territories;

public static class PageAccess
{
    /// <summary>Whether the page's own [Access] rule admits the user: links to it are shown on the same terms.</summary>
    public static bool Allows<TPage>(Scope scope) =>
        typeof(TPage).GetCustomAttribute<AccessAttribute>() is { } access && access.Allows(scope);
}
