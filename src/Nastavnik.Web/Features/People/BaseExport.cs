using Nastavnik.Domain.People;

namespace Nastavnik.Web.Features.People;

/// <summary>
/// The seeded export layouts of DOMAIN.md §5: one row per person per participation. Status, source and consent state
/// are not exported; a minor's contacts are the legal representative's; the case link needs a distribution consent.
/// Pairs are formed by the matching module: until then the columns about the other side of the pair stay empty.
/// </summary>
public static class BaseExport
{
    public static readonly IReadOnlyList<string> MenteeColumns =
    [
        "ФИО наставляемого", "Контактные данные для связи", "Возраст наставляемого", "Ключевой запрос наставляемого",
        "Дата вхождения в программу", "ФИО наставника", "Место работы/учебы наставника", "Форма наставничества",
        "Место реализации программы наставничества", "Дата завершения программы", "Результаты программы",
        "Ссылка на кейс/отзыв наставляемого, размещенный на сайте организации",
    ];

    public static readonly IReadOnlyList<string> MentorColumns =
    [
        "ФИО наставника", "Контактные данные для связи", "Место работы/учебы наставника", "Ключевые компетенции наставника",
        "Важные для программы достижения наставника", "Интересы наставника", "Желаемый возраст наставляемых",
        "Время, когда удобно выходить на связь", "Ресурс времени на программу", "ФИО наставляемого(ых)",
        "Место работы/учебы наставляемого(ых)", "Форма наставничества", "Место реализации программы наставничества",
        "Срок реализации программы наставничества", "Результаты программы",
        "Ссылка на кейс/отзыв наставника, размещенный на сайте организации",
    ];

    /// <summary>The contact details of a person, or of their representative for a minor (a pupil without a birth date counts as one).</summary>
    public sealed record Contact(PersonKind Kind, DateOnly? BirthDate, string Phone, string Email, string? RepresentativePhone, string? RepresentativeEmail);

    public static string Contacts(Contact c, DateOnly today)
    {
        var minor = c.BirthDate is { } b ? Age(b, today) < 18 : c.Kind == PersonKind.Pupil;
        return minor ? Join(c.RepresentativePhone ?? "", c.RepresentativeEmail ?? "") : Join(c.Phone, c.Email);
    }

    public static int Age(DateOnly birth, DateOnly today)
    {
        var age = today.Year - birth.Year;
        return birth.AddYears(age) > today ? age - 1 : age;
    }

    public static string Forms(IEnumerable<string> codes) => string.Join(", ", codes.Select(Domain.People.Forms.NameOf));

    public static string CaseLink(string link, bool distributionConsent) => distributionConsent ? link : "";

    public static string Date(DateOnly? d) => d?.ToString("dd.MM.yyyy") ?? "";

    private static string Join(params string[] parts) => string.Join(", ", parts.Where(p => !string.IsNullOrWhiteSpace(p)));
}
