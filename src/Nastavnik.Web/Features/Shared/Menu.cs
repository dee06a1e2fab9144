using System.Reflection;
using Nastavnik.Domain.Access;
using Nastavnik.Web.Infrastructure;

namespace Nastavnik.Web.Features.Shared;

/// <summary>
/// The main menu. Each item points at a page model and is shown only when that page's own [Access] rule admits
/// the user, so the menu and the pages cannot disagree.
/// </summary>
public static class Menu
{
    public sealed record Item(string Title, string Page, Type Model);

    private static readonly Item[] Items =
    [
        new("Главная", "/Index", typeof(IndexModel)),
    ];

    public static IEnumerable<Item> For(Scope scope) =>
        Items.Where(i => i.Model.GetCustomAttribute<AccessAttribute>() is { } access && access.Allows(scope));
}
