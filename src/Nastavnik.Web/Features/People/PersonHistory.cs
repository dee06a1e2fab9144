using Nastavnik.Data;
using Nastavnik.Data.Entities.People;
using Nastavnik.Domain.People;

namespace Nastavnik.Web.Features.People;

/// <summary>
/// The card's history: a snapshot of the fields before a change, compared with the fields after it, gives one
/// PersonChange row per changed field, added to the same SaveChanges as the change itself.
/// </summary>
public static class PersonHistory
{
    /// <summary>The field name of special categories: its rows are shown to curators only.</summary>
    public const string SpecialCategoriesField = "Особые категории";

    public static Dictionary<string, string> Snapshot(Person p) => new()
    {
        ["Кто"] = p.Kind.Title(),
        ["Фамилия"] = p.LastName,
        ["Имя"] = p.FirstName,
        ["Отчество"] = p.MiddleName,
        ["Дата рождения"] = Date(p.BirthDate),
        ["Пол"] = p.Sex switch { Sex.M => "мужской", Sex.F => "женский", _ => "" },
        ["Телефон"] = p.Phone,
        ["E-mail"] = p.Email,
        ["Класс"] = p.ClassName,
        ["Должность"] = p.Position,
        ["Предметы"] = p.Subjects,
        ["Начало педагогического стажа"] = Date(p.ExperienceStart),
        ["Колледж (вуз)"] = p.College,
        ["Организация-партнёр"] = p.PartnerId?.ToString() ?? "",
        [SpecialCategoriesField] = string.Join(", ", p.SpecialCategories.Select(c => PeopleTerms.SpecialCategories.GetValueOrDefault(c, c))),
    };

    /// <summary>Adds a row for every field whose value differs between the two snapshots.</summary>
    public static int Record(NastavnikDb db, long personId, long? userId, IReadOnlyDictionary<string, string> before,
        IReadOnlyDictionary<string, string> after, DateTimeOffset now)
    {
        var count = 0;
        foreach (var (field, value) in after)
        {
            var old = before.GetValueOrDefault(field, "");
            if (old == value) continue;
            db.PersonChanges.Add(new PersonChange { PersonId = personId, UserId = userId, At = now, Field = field, OldValue = old, NewValue = value });
            count++;
        }
        return count;
    }

    public static string Date(DateOnly? d) => d?.ToString("dd.MM.yyyy") ?? "";
}
