using System.Reflection;
using Nastavnik.Domain.Access;

namespace Nastavnik.Web.Infrastructure;

public static class PageAccess
{
    /// <summary>Whether the page's own [Access] rule admits the user: links to it are shown on the same terms.</summary>
    public static bool Allows<TPage>(Scope scope) => Allows(typeof(TPage), scope);

    public static bool Allows(Type page, Scope scope) =>
        page.GetCustomAttribute<AccessAttribute>() is { } access && access.Allows(scope);
}
