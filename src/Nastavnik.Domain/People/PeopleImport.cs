using System.Globalization;
using System.Text.RegularExpressions;
using Nastavnik.Domain.Territories;

namespace Nastavnik.Domain.People;

/// <summary>
/// A list of pupils or teachers as schools export it from electronic journals: reading the table with its headers
/// or an explicit column mapping (<see cref="Parse"/>) and deciding, against the people already in the organization,
/// what each row will do (<see cref="Plan"/>). Pure: the caller reads the file and the database.
/// </summary>
public static partial class PeopleImport
{
    public const int MaxCellLength = 1000;
    public const int NameMaxLength = 100;
    public const int PhoneMaxLength = 50;
    public const int EmailMaxLength = 200;

    /// <summary>Ages a pupil of each organization type may have on the import day, inclusive.</summary>
    public static (int Min, int Max) PupilAges(OrganizationType type) => type switch
    {
        OrganizationType.School => (6, 19),
        OrganizationType.Spo => (14, 25),
        OrganizationType.Preschool => (1, 8),
        OrganizationType.Additional => (5, 19),
        _ => throw new ArgumentOutOfRangeException(nameof(type)),
    };

    /// <summary>Ages of teachers and mentors, whatever the organization.</summary>
    public static readonly (int Min, int Max) StaffAges = (16, 90);

    /// <summary>What a column holds. <see cref="Ignore"/>: the column is not loaded.</summary>
    public enum Field { Ignore, FullName, LastName, FirstName, MiddleName, BirthDate, ClassName, Sex, Phone, Email, Representative, Organization }

    public static string Title(this Field field) => field switch
    {
        Field.Ignore => "не загружать",
        Field.FullName => "ФИО",
        Field.LastName => "Фамилия",
        Field.FirstName => "Имя",
        Field.MiddleName => "Отчество",
        Field.BirthDate => "Дата рождения",
        Field.ClassName => "Класс",
        Field.Sex => "Пол",
        Field.Phone => "Телефон",
        Field.Email => "E-mail",
        Field.Representative => "Законный представитель",
        Field.Organization => "Образовательная организация",
        _ => throw new ArgumentOutOfRangeException(nameof(field)),
    };

    private static readonly Dictionary<string, Field> HeaderAliases = new()
    {
        ["фио"] = Field.FullName,
        ["ф.и.о."] = Field.FullName,
        ["ф.и.о"] = Field.FullName,
        ["фамилия имя отчество"] = Field.FullName,
        ["фамилия, имя, отчество"] = Field.FullName,
        ["фио обучающегося"] = Field.FullName,
        ["фио ученика"] = Field.FullName,
        ["фамилия"] = Field.LastName,
        ["имя"] = Field.FirstName,
        ["отчество"] = Field.MiddleName,
        ["дата рождения"] = Field.BirthDate,
        ["дата рожд."] = Field.BirthDate,
        ["класс"] = Field.ClassName,
        ["пол"] = Field.Sex,
        ["телефон"] = Field.Phone,
        ["контактный телефон"] = Field.Phone,
        ["e-mail"] = Field.Email,
        ["email"] = Field.Email,
        ["электронная почта"] = Field.Email,
        ["законный представитель"] = Field.Representative,
        ["родитель"] = Field.Representative,
        ["родитель (законный представитель)"] = Field.Representative,
        ["фио родителя"] = Field.Representative,
        ["образовательная организация"] = Field.Organization,
        ["организация"] = Field.Organization,
        ["оо"] = Field.Organization,
    };

    /// <summary>An organization rows may go to: the user's own, or one named in the «Образовательная организация» column.</summary>
    public sealed record Organization(long Id, string Name, OrganizationType Type, long RegionId);

    public sealed record Representative(string LastName, string FirstName, string MiddleName, Relationship Relationship)
    {
        public string FullName => PeopleTerms.FullName(LastName, FirstName, MiddleName);
    }

    /// <summary>A valid row. Null optional fields: the file does not give them, and the person's value stays.</summary>
    public sealed record Row(int RowNumber, long OrganizationId, string LastName, string FirstName, string MiddleName, DateOnly BirthDate,
        string? ClassName, int? Grade, Sex? Sex, string? Phone, string? Email, Representative? Representative)
    {
        public string FullName => PeopleTerms.FullName(LastName, FirstName, MiddleName);
        public Key Key => new(OrganizationId, Normalize(LastName), Normalize(FirstName), Normalize(MiddleName), BirthDate);
    }

    /// <summary>The matching key: ФИО (case and «ё» aside) and birth date within the organization.</summary>
    public readonly record struct Key(long OrganizationId, string LastName, string FirstName, string MiddleName, DateOnly BirthDate);

    /// <summary>One problem. Problems with the file as a whole (a missing column) sit on row 1, the header.</summary>
    public sealed record Error(int RowNumber, string Column, string Value, string Message);

    /// <summary>A header that names no known field: the user maps it (or the whole header row) before loading.</summary>
    public sealed record UnknownColumn(int Index, string Header);

    public sealed record Result(IReadOnlyList<Row> Rows, IReadOnlyList<Error> Errors, IReadOnlyList<UnknownColumn> UnknownColumns,
        IReadOnlyList<Field> Mapping);

    /// <summary>The field each header names, by position; <see cref="Field.Ignore"/> for headers not recognised.</summary>
    public static IReadOnlyList<Field> GuessMapping(IReadOnlyList<string> header) =>
        header.Select(h => FieldOf(h) ?? Field.Ignore).ToList();

    public static Field? FieldOf(string header) =>
        HeaderAliases.TryGetValue(NormalizeHeader(header), out var field) ? field : null;

    /// <summary>"FullName,BirthDate,Ignore": a mapping carried in a URL between the mapping step and the preview.</summary>
    public static string FormatMapping(IEnumerable<Field> mapping) => string.Join(',', mapping);

    public static IReadOnlyList<Field>? ParseMapping(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var fields = new List<Field>();
        foreach (var part in text.Split(','))
        {
            if (!Enum.TryParse<Field>(part.Trim(), out var field) || !Enum.IsDefined(field)) return null;
            fields.Add(field);
        }
        return fields;
    }

    /// <summary>
    /// Reads the table: the first row holds the headers, each further non-blank row one person. Row numbers count
    /// from 1 for the header row. <paramref name="mapping"/>, when given, says what each column holds instead of the
    /// headers. <paramref name="resolve"/> finds the organization a row goes to from the «Образовательная организация»
    /// cell, or the default one when given null (no such column); null when the name is not found or not allowed.
    /// </summary>
    public static Result Parse(IReadOnlyList<IReadOnlyList<string>> table, PersonKind kind, DateOnly today,
        Func<string?, Organization?> resolve, IReadOnlyList<Field>? mapping = null)
    {
        var errors = new List<Error>();
        if (table.Count == 0 || table[0].All(string.IsNullOrWhiteSpace))
        {
            errors.Add(new Error(1, "", "", "Файл пустой: в первой строке нет заголовков столбцов"));
            return new Result([], errors, [], []);
        }
        var header = table[0];
        var unknown = new List<UnknownColumn>();
        var fields = new List<Field>();
        for (var i = 0; i < header.Count; i++)
        {
            var title = header[i].Trim();
            if (title.Length > MaxCellLength) errors.Add(new Error(1, $"столбец {i + 1}", Cut(title), $"Заголовок длиннее {MaxCellLength} символов"));
            var guessed = FieldOf(title);
            if (guessed is null && title.Length > 0) unknown.Add(new UnknownColumn(i, Cut(title)));
            fields.Add(mapping is not null && i < mapping.Count ? mapping[i] : guessed ?? Field.Ignore);
        }

        var columns = new Dictionary<Field, int>();
        for (var i = 0; i < fields.Count; i++)
        {
            if (fields[i] == Field.Ignore) continue;
            if (!columns.TryAdd(fields[i], i))
            {
                errors.Add(new Error(1, header[i], header[i], $"Столбец «{fields[i].Title()}» указан дважды: оставьте один"));
            }
        }
        var hasParts = columns.ContainsKey(Field.LastName) || columns.ContainsKey(Field.FirstName);
        if (columns.ContainsKey(Field.FullName) && hasParts)
        {
            errors.Add(new Error(1, "ФИО", "", "В файле и столбец «ФИО», и столбцы «Фамилия»/«Имя»: оставьте что-то одно"));
        }
        else if (!columns.ContainsKey(Field.FullName))
        {
            if (!columns.ContainsKey(Field.LastName) && !columns.ContainsKey(Field.FirstName))
                errors.Add(new Error(1, "ФИО", "", "В файле нет обязательного столбца «ФИО» (или столбцов «Фамилия», «Имя», «Отчество»)"));
            else if (!columns.ContainsKey(Field.LastName)) errors.Add(new Error(1, "Фамилия", "", "В файле нет обязательного столбца «Фамилия»"));
            else if (!columns.ContainsKey(Field.FirstName)) errors.Add(new Error(1, "Имя", "", "В файле нет обязательного столбца «Имя»"));
        }
        if (!columns.ContainsKey(Field.BirthDate)) errors.Add(new Error(1, "Дата рождения", "", "В файле нет обязательного столбца «Дата рождения»"));
        if (errors.Count > 0) return new Result([], errors, unknown, fields);

        var rows = new List<Row>();
        var first = new Dictionary<Key, int>();
        var organizations = new Dictionary<string, Organization?>();
        for (var r = 1; r < table.Count; r++)
        {
            var cells = table[r];
            if (cells.All(string.IsNullOrWhiteSpace)) continue;
            var number = r + 1;
            var rowErrors = new List<Error>();
            void Fail(Field field, string value, string message) => rowErrors.Add(new Error(number, field.Title(), Cut(value), message));

            var tooLong = false;
            for (var i = 0; i < cells.Count; i++)
            {
                if (cells[i].Length <= MaxCellLength) continue;
                var column = i < header.Count && header[i].Trim().Length > 0 ? Cut(header[i].Trim()) : $"столбец {i + 1}";
                rowErrors.Add(new Error(number, column, Cut(cells[i]), $"Значение длиннее {MaxCellLength} символов ({cells[i].Length})"));
                tooLong = true;
            }
            if (tooLong)
            {
                errors.AddRange(rowErrors);
                continue;
            }
            string? Cell(Field f) => columns.TryGetValue(f, out var i) ? (i < cells.Count ? cells[i].Trim() : "") : null;

            string last = "", firstName = "", middle = "";
            if (Cell(Field.FullName) is { } full)
            {
                var parts = Spaces().Split(full).Where(p => p.Length > 0).ToArray();
                if (full.Length == 0) Fail(Field.FullName, full, "Укажите фамилию, имя и отчество");
                else if (Injection(full)) Fail(Field.FullName, full, InjectionMessage);
                else if (parts.Length < 2) Fail(Field.FullName, full, "Укажите хотя бы фамилию и имя через пробел");
                else (last, firstName, middle) = (parts[0], parts[1], string.Join(' ', parts.Skip(2)));
            }
            else
            {
                last = Cell(Field.LastName)!;
                firstName = Cell(Field.FirstName)!;
                middle = Cell(Field.MiddleName) ?? "";
                if (last.Length == 0) Fail(Field.LastName, last, "Укажите фамилию");
                if (firstName.Length == 0) Fail(Field.FirstName, firstName, "Укажите имя");
                foreach (var (f, v) in new[] { (Field.LastName, last), (Field.FirstName, firstName), (Field.MiddleName, middle) })
                {
                    if (Injection(v)) Fail(f, v, InjectionMessage);
                }
            }
            foreach (var (f, v) in new[] { (Field.LastName, last), (Field.FirstName, firstName), (Field.MiddleName, middle) })
            {
                if (v.Length > NameMaxLength) Fail(f, v, $"{f.Title()} длиннее {NameMaxLength} символов");
                else if (v.Length > 0 && !Injection(v) && !NamePattern().IsMatch(v)) Fail(f, v, $"{f.Title()}: допустимы буквы, пробел, дефис и апостроф");
            }

            var organizationText = Cell(Field.Organization);
            Organization? organization;
            if (organizationText is null)
            {
                organization = resolve(null);
                if (organization is null) Fail(Field.Organization, "", "Укажите организацию: добавьте столбец «Образовательная организация»");
            }
            else if (organizationText.Length == 0) { organization = null; Fail(Field.Organization, "", "Укажите образовательную организацию"); }
            else
            {
                var key = Normalize(organizationText);
                if (!organizations.TryGetValue(key, out organization)) organizations[key] = organization = resolve(organizationText);
                if (organization is null) Fail(Field.Organization, organizationText, "Организация не найдена или вне вашей области доступа");
            }

            var birthText = Cell(Field.BirthDate)!;
            DateOnly? birth = null;
            if (birthText.Length == 0)
            {
                Fail(Field.BirthDate, birthText, "Укажите дату рождения");
            }
            else if (ParseDate(birthText) is not { } date)
            {
                Fail(Field.BirthDate, birthText, "Неверная дата: нужна существующая дата в виде ДД.ММ.ГГГГ");
            }
            else if (date > today)
            {
                Fail(Field.BirthDate, birthText, "Дата рождения в будущем");
            }
            else
            {
                birth = date;
                var (min, max) = kind == PersonKind.Pupil && organization is not null ? PupilAges(organization.Type) : StaffAges;
                var age = Age(date, today);
                if (kind != PersonKind.Pupil || organization is not null)
                {
                    if (age < min || age > max)
                    {
                        var where = kind == PersonKind.Pupil ? $"для обучающихся организации типа «{organization!.Type.Title()}»" : "для педагогов и наставников";
                        Fail(Field.BirthDate, birthText, $"Возраст {age} вне допустимого {where}: от {min} до {max} лет");
                    }
                }
            }

            string? className = null;
            int? grade = null;
            if (Cell(Field.ClassName) is { Length: > 0 } classText)
            {
                if (ImportClassName.Parse(classText) is { } parsed) (className, grade) = (parsed.Name, parsed.Grade);
                else Fail(Field.ClassName, classText, "Класс не распознан: нужны номер 1–11 и буква, например «7Б», «7 Б» или «7-б»");
            }

            Sex? sex = null;
            if (Cell(Field.Sex) is { Length: > 0 } sexText)
            {
                sex = ParseSex(sexText);
                if (sex is null) Fail(Field.Sex, sexText, "Пол: укажите «М» или «Ж»");
            }

            var phone = Cell(Field.Phone) is { Length: > 0 } p ? p : null;
            if (phone is not null)
            {
                if (phone.Length > PhoneMaxLength) Fail(Field.Phone, phone, $"Телефон длиннее {PhoneMaxLength} символов");
                else if (!PhonePattern().IsMatch(phone)) Fail(Field.Phone, phone, "Телефон: допустимы цифры, пробел, «+», «-», скобки");
            }
            var email = Cell(Field.Email) is { Length: > 0 } e ? e : null;
            if (email is not null)
            {
                if (email.Length > EmailMaxLength) Fail(Field.Email, email, $"E-mail длиннее {EmailMaxLength} символов");
                else if (!EmailPattern().IsMatch(email)) Fail(Field.Email, email, "Неверный адрес электронной почты");
            }

            Representative? representative = null;
            if (Cell(Field.Representative) is { Length: > 0 } repText)
            {
                if (Injection(repText)) Fail(Field.Representative, repText, InjectionMessage);
                else if (ParseRepresentative(repText) is { } rep) representative = rep;
                else Fail(Field.Representative, repText, "Законный представитель: укажите фамилию, имя и отчество (можно «(мать)», «(отец)», «(опекун)»)");
            }

            if (rowErrors.Count == 0)
            {
                var row = new Row(number, organization!.Id, last, firstName, middle, birth!.Value, className, grade, sex, phone, email, representative);
                if (first.TryGetValue(row.Key, out var earlier))
                {
                    Fail(columns.ContainsKey(Field.FullName) ? Field.FullName : Field.LastName, row.FullName,
                        $"Строки {earlier} и {number}: один и тот же человек (ФИО и дата рождения) повторяется");
                }
                else
                {
                    first[row.Key] = number;
                    rows.Add(row);
                }
            }
            errors.AddRange(rowErrors);
        }
        if (rows.Count == 0 && errors.Count == 0) errors.Add(new Error(2, "", "", "В файле нет ни одной строки с человеком"));
        return new Result(rows, errors, unknown, fields);
    }

    /// <summary>
    /// A person already in the organization, as far as an import can change them. <paramref name="Blocked"/>: the
    /// consent was withdrawn, so the data may not be processed — a matching row leaves the person untouched.
    /// </summary>
    public sealed record Existing(long Id, long OrganizationId, string LastName, string FirstName, string MiddleName, DateOnly BirthDate,
        string ClassName, Sex? Sex, string Phone, string Email, IReadOnlyList<string> Representatives, bool Blocked = false)
    {
        public Key Key => new(OrganizationId, Normalize(LastName), Normalize(FirstName), Normalize(MiddleName), BirthDate);
    }

    public enum RowStatus { New, Update, Unchanged }

    public static string Title(this RowStatus status) => status switch
    {
        RowStatus.New => "новый",
        RowStatus.Update => "будет обновлён",
        RowStatus.Unchanged => "без изменений",
        _ => throw new ArgumentOutOfRangeException(nameof(status)),
    };

    public sealed record Change(string Field, string Old, string New);

    public sealed record Decision(Row Row, RowStatus Status, long? ExistingId, IReadOnlyList<Change> Changes)
    {
        /// <summary>A representative to create and link: the row names one the person does not have yet.</summary>
        public bool AddsRepresentative => Changes.Any(c => c.Field == Field.Representative.Title()) || (Status == RowStatus.New && Row.Representative is not null);
    }

    public sealed record PlanResult(IReadOnlyList<Decision> Decisions)
    {
        public int Count(RowStatus status) => Decisions.Count(d => d.Status == status);
    }

    /// <summary>Matches each row to an existing person on ФИО + birth date in the organization; lists what would change.</summary>
    public static PlanResult Plan(IReadOnlyList<Row> rows, IEnumerable<Existing> existing)
    {
        var byKey = new Dictionary<Key, Existing>();
        foreach (var e in existing) byKey.TryAdd(e.Key, e);
        var decisions = new List<Decision>(rows.Count);
        foreach (var row in rows)
        {
            if (!byKey.TryGetValue(row.Key, out var match))
            {
                decisions.Add(new Decision(row, RowStatus.New, null, []));
                continue;
            }
            if (match.Blocked)
            {
                decisions.Add(new Decision(row, RowStatus.Unchanged, match.Id, []));
                continue;
            }
            var changes = new List<Change>();
            void Compare(Field field, string old, string? value)
            {
                if (value is not null && value != old) changes.Add(new Change(field.Title(), old, value));
            }
            Compare(Field.LastName, match.LastName, row.LastName);
            Compare(Field.FirstName, match.FirstName, row.FirstName);
            Compare(Field.MiddleName, match.MiddleName, row.MiddleName);
            Compare(Field.ClassName, match.ClassName, row.ClassName);
            Compare(Field.Sex, SexText(match.Sex), row.Sex is null ? null : SexText(row.Sex));
            Compare(Field.Phone, match.Phone, row.Phone);
            Compare(Field.Email, match.Email, row.Email);
            if (row.Representative is { } rep && !match.Representatives.Any(n => Normalize(n) == Normalize(rep.FullName)))
            {
                changes.Add(new Change(Field.Representative.Title(), string.Join(", ", match.Representatives), rep.FullName));
            }
            decisions.Add(new Decision(row, changes.Count > 0 ? RowStatus.Update : RowStatus.Unchanged, match.Id, changes));
        }
        return new PlanResult(decisions);
    }

    public static string SexText(Sex? sex) => sex switch { Sex.M => "М", Sex.F => "Ж", _ => "" };

    /// <summary>dd.MM.yyyy (also d.M.yyyy, dd/MM/yyyy, yyyy-MM-dd) or an Excel serial day number; null when no such date.</summary>
    public static DateOnly? ParseDate(string text)
    {
        text = text.Trim();
        string[] formats = ["dd.MM.yyyy", "d.M.yyyy", "dd/MM/yyyy", "d/M/yyyy", "yyyy-MM-dd", "dd.MM.yyyy H:mm:ss", "dd.MM.yyyy HH:mm"];
        if (DateOnly.TryParseExact(text, formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)) return date;
        if (DateTime.TryParseExact(text, formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var dateTime)) return DateOnly.FromDateTime(dateTime);
        // Excel keeps dates as days since 30.12.1899; a date cell read without its format arrives as such a number.
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var serial) && serial is >= 1 and < 2_958_466 && serial == Math.Floor(serial))
        {
            return new DateOnly(1899, 12, 30).AddDays((int)serial);
        }
        return null;
    }

    public static int Age(DateOnly birth, DateOnly today)
    {
        var age = today.Year - birth.Year;
        if (today < birth.AddYears(age)) age--;
        return age;
    }

    public static Sex? ParseSex(string text) => Normalize(text).TrimEnd('.') switch
    {
        "м" or "муж" or "мужской" or "m" or "male" => Sex.M,
        "ж" or "жен" or "женский" or "f" or "female" => Sex.F,
        _ => null,
    };

    /// <summary>«Иванова Мария Петровна», optionally «(мать)», «, отец», «опекун».</summary>
    public static Representative? ParseRepresentative(string text)
    {
        var relationship = Relationship.Other;
        var words = new List<string>();
        foreach (var word in RepresentativeWords().Split(text).Where(w => w.Length > 0))
        {
            switch (Normalize(word))
            {
                case "мать" or "мама": relationship = Relationship.Mother; continue;
                case "отец" or "папа": relationship = Relationship.Father; continue;
                case "опекун": relationship = Relationship.Guardian; continue;
                case "попечитель": relationship = Relationship.Custodian; continue;
            }
            words.Add(word);
        }
        if (words.Count < 2 || words.Any(w => w.Length > NameMaxLength || !NamePattern().IsMatch(w))) return null;
        return new Representative(words[0], words[1], string.Join(' ', words.Skip(2)), relationship);
    }

    private const string InjectionMessage = "Значение начинается с «=», «+», «-» или «@»: похоже на формулу, такие значения не загружаются";

    /// <summary>A cell a spreadsheet would run as a formula.</summary>
    public static bool Injection(string value) => value.TrimStart() is { Length: > 0 } t && t[0] is '=' or '+' or '-' or '@';

    public static string Normalize(string text) => Spaces().Replace(text.Trim().ToLowerInvariant().Replace('ё', 'е'), " ");

    private static string NormalizeHeader(string header) => Normalize(header).TrimEnd('*', ':', ' ').Trim();

    private static string Cut(string value) => value.Length > 100 ? value[..100] + "…" : value;

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();

    [GeneratedRegex(@"[\s,;()]+")]
    private static partial Regex RepresentativeWords();

    [GeneratedRegex(@"^[\p{L}][\p{L}\p{M}'’\- .]*$")]
    private static partial Regex NamePattern();

    [GeneratedRegex(@"^[0-9+()\- ]+$")]
    private static partial Regex PhonePattern();

    [GeneratedRegex(@"^[^@\s]+@[^@\s]+\.[^@\s.]+$")]
    private static partial Regex EmailPattern();
}
