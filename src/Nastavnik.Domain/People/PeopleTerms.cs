namespace Nastavnik.Domain.People;

public enum PersonKind { Pupil, Teacher, Student, EmployerStaff, Parent, Other }

/// <summary>awaiting_consent: intake only; active: may be processed; blocked: consent withdrawn; destroyed: erased.</summary>
public enum PersonStatus { AwaitingConsent, Active, Blocked, Destroyed }

public enum Sex { M, F }

public enum Relationship { Mother, Father, Guardian, Custodian, Other }

public enum ModelFamily { Learners, Teachers }

public enum RequestSource { Self, ClassTeacher, Psychologist, SocialTeacher, Parents, Diagnostics, Administration }

/// <summary>«кандидат», «ожидает согласия», «допущен», «в паре», «завершил», «выбыл».</summary>
public enum ParticipationStatus { Candidate, AwaitingConsent, Admitted, InPair, Finished, Left }

public enum ConsentPurpose { Processing, Distribution, ExtraDuties, SpecialCategories }

public enum ConsentSigner { Self, Representative }

public enum InstrumentRespondent { Mentee, Mentor, Curator, Parent }

public enum InstrumentMoment { Entry, AfterMeeting, Interim, Exit }

public enum InstrumentItemKind { Scale, YesNo, Single, Multiple, Number, Text }

public static class PeopleTerms
{
    public static string Title(this PersonKind kind) => kind switch
    {
        PersonKind.Pupil => "Обучающийся",
        PersonKind.Teacher => "Педагог",
        PersonKind.Student => "Студент",
        PersonKind.EmployerStaff => "Сотрудник организации-партнёра",
        PersonKind.Parent => "Родитель (законный представитель)",
        PersonKind.Other => "Иное",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    public static string Title(this PersonStatus status) => status switch
    {
        PersonStatus.AwaitingConsent => "Ожидает согласия",
        PersonStatus.Active => "Согласие получено",
        PersonStatus.Blocked => "Согласие отозвано",
        PersonStatus.Destroyed => "Данные уничтожены",
        _ => throw new ArgumentOutOfRangeException(nameof(status)),
    };

    public static string Title(this ParticipationStatus status) => status switch
    {
        ParticipationStatus.Candidate => "Кандидат",
        ParticipationStatus.AwaitingConsent => "Ожидает согласия",
        ParticipationStatus.Admitted => "Допущен",
        ParticipationStatus.InPair => "В паре",
        ParticipationStatus.Finished => "Завершил",
        ParticipationStatus.Left => "Выбыл",
        _ => throw new ArgumentOutOfRangeException(nameof(status)),
    };

    public static string Title(this RequestSource source) => source switch
    {
        RequestSource.Self => "Сам (анкета, заявление)",
        RequestSource.ClassTeacher => "Классный руководитель",
        RequestSource.Psychologist => "Педагог-психолог",
        RequestSource.SocialTeacher => "Социальный педагог",
        RequestSource.Parents => "Родители (законные представители)",
        RequestSource.Diagnostics => "Диагностика",
        RequestSource.Administration => "Администрация",
        _ => throw new ArgumentOutOfRangeException(nameof(source)),
    };

    public static string Title(this ConsentPurpose purpose) => purpose switch
    {
        ConsentPurpose.Processing => "Согласие на обработку персональных данных",
        ConsentPurpose.Distribution => "Согласие на распространение персональных данных",
        ConsentPurpose.ExtraDuties => "Согласие на возложение дополнительных обязанностей",
        ConsentPurpose.SpecialCategories => "Согласие на обработку специальных категорий персональных данных (ст. 10 152-ФЗ)",
        _ => throw new ArgumentOutOfRangeException(nameof(purpose)),
    };

    public static string Title(this Relationship r) => r switch
    {
        Relationship.Mother => "Мать",
        Relationship.Father => "Отец",
        Relationship.Guardian => "Опекун",
        Relationship.Custodian => "Попечитель",
        Relationship.Other => "Иной законный представитель",
        _ => throw new ArgumentOutOfRangeException(nameof(r)),
    };

    /// <summary>Special-category codes (DOMAIN.md §9.7): codes only, never a diagnosis.</summary>
    public static readonly IReadOnlyDictionary<string, string> SpecialCategories = new Dictionary<string, string>
    {
        ["ovz"] = "ОВЗ",
        ["disability"] = "Инвалидность",
        ["gifted"] = "Проявил(а) выдающиеся способности",
        ["tzhs"] = "ТЖС",
        ["low_income"] = "Малоимущая семья",
        ["rural"] = "Сельская местность",
        ["remote"] = "Труднодоступная/отдалённая территория",
        ["orphan"] = "Дети-сироты и дети, оставшиеся без попечения родителей",
    };

    /// <summary>
    /// «Мария И.»: how a child appears to the other members of a group and their parents — first name and the surname's
    /// initial, nothing more.
    /// </summary>
    public static string ShortName(string last, string first)
    {
        var initial = last.Trim() is { Length: > 0 } l ? $"{char.ToUpperInvariant(l[0])}." : "";
        return string.Join(' ', new[] { first.Trim(), initial }.Where(p => p.Length > 0));
    }

    /// <summary>«Фамилия Имя Отчество».</summary>
    public static string FullName(string last, string first, string middle) =>
        string.Join(' ', new[] { last, first, middle }.Where(p => !string.IsNullOrWhiteSpace(p)));
}
