namespace Nastavnik.Domain.People;

/// <summary>
/// May this person's data be shown or processed (152-ФЗ): not after a withdrawn processing consent (blocked) and never
/// after destruction. The database twin is <c>Scoping.IsProcessable</c>; both read the same statuses.
/// </summary>
public static class PersonData
{
    /// <summary>What a record that must stay for the others (a meeting the pair held) shows instead of a blocked person.</summary>
    public const string BlockedName = "участник (данные заблокированы)";

    public static bool IsProcessable(PersonStatus status) => status is not (PersonStatus.Blocked or PersonStatus.Destroyed);

    /// <summary>The name to show: the person's own while processable, <see cref="BlockedName"/> after withdrawal.</summary>
    public static string Shown(PersonStatus status, string name) => IsProcessable(status) ? name : BlockedName;
}
