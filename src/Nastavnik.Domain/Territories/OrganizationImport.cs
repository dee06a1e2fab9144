using System.Text.RegularExpressions;

namespace Nastavnik.Domain.Territories;

/// <summary>
/// The list of organizations a coordinator loads from a spreadsheet: reading the table (<see cref="Parse"/>) and
/// deciding, against the organizations already known, what each row will do (<see cref="Plan"/>). Pure: the caller
/// reads the file and the database.
/// </summary>
public static partial class OrganizationImport
{
    public const string NameColumn = "Полное наименование";
    public const string ShortNameColumn = "Краткое наименование";
    public const string TypeColumn = "Тип";
    public const string MunicipalityColumn = "Муниципалитет";
    public const string InnColumn = "ИНН";
    public const string AddressColumn = "Адрес";
    public const string EmailColumn = "E-mail";

    /// <summary>The header row of a template and an export, in this order.</summary>
    public static readonly IReadOnlyList<string> Columns =
        [NameColumn, ShortNameColumn, TypeColumn, MunicipalityColumn, InnColumn, AddressColumn, EmailColumn];

    public const int NameMaxLength = 500;
    public const int ShortNameMaxLength = 200;
    public const int AddressMaxLength = 500;
    public const int EmailMaxLength = 200;

    /// <summary>A municipality the user may import into.</summary>
    public sealed record Municipality(long Id, string Name, long RegionId);

    /// <summary>
    /// A valid row. <see cref="Address"/> and <see cref="Email"/> are null when the file has no such column: the
    /// organization's value is then left as it is.
    /// </summary>
    public sealed record Row(int RowNumber, string Name, string ShortName, OrganizationType Type, long MunicipalityId,
        long RegionId, string? Inn, string? Address, string? Email);

    /// <summary>One problem in the file. Problems with the file as a whole (a missing column) sit on row 1, the header.</summary>
    public sealed record Error(int RowNumber, string Column, string Value, string Message);

    /// <summary>The rows without errors, and every error found. The file may be loaded only when there are no errors.</summary>
    public sealed record Result(IReadOnlyList<Row> Rows, IReadOnlyList<Error> Errors);

    /// <summary>An organization already in the system, as far as an import can change it.</summary>
    public sealed record Existing(long Id, long MunicipalityId, string Name, string ShortName, OrganizationType Type,
        string? Inn, string Address, string Email);

    public enum RowStatus { New, Update, Unchanged }

    public sealed record Decision(Row Row, RowStatus Status, long? ExistingId);

    public sealed record PlanResult(IReadOnlyList<Decision> Decisions, IReadOnlyList<Error> Errors);

    public static string Title(this RowStatus status) => status switch
    {
        RowStatus.New => "новая",
        RowStatus.Update => "будет обновлена",
        RowStatus.Unchanged => "без изменений",
        _ => throw new ArgumentOutOfRangeException(nameof(status)),
    };

    private enum Field { Name, ShortName, Type, Municipality, Inn, Address, Email }

    // Officials title columns in many ways; these are the spellings met in real lists, compared after Normalize.
    private static readonly Dictionary<string, Field> HeaderAliases = new()
    {
        ["полное наименование"] = Field.Name,
        ["наименование"] = Field.Name,
        ["полное наименование организации"] = Field.Name,
        ["наименование организации"] = Field.Name,
        ["полное название"] = Field.Name,
        ["название"] = Field.Name,
        ["краткое наименование"] = Field.ShortName,
        ["сокращенное наименование"] = Field.ShortName,
        ["краткое наименование организации"] = Field.ShortName,
        ["краткое название"] = Field.ShortName,
        ["тип"] = Field.Type,
        ["тип организации"] = Field.Type,
        ["муниципалитет"] = Field.Municipality,
        ["муниципальное образование"] = Field.Municipality,
        ["инн"] = Field.Inn,
        ["инн организации"] = Field.Inn,
        ["адрес"] = Field.Address,
        ["юридический адрес"] = Field.Address,
        ["e-mail"] = Field.Email,
        ["email"] = Field.Email,
        ["e mail"] = Field.Email,
        ["электронная почта"] = Field.Email,
        ["адрес электронной почты"] = Field.Email,
        ["эл. почта"] = Field.Email,
    };

    private static readonly (Field Field, string Title)[] Required =
        [(Field.Name, NameColumn), (Field.ShortName, ShortNameColumn), (Field.Type, TypeColumn), (Field.Municipality, MunicipalityColumn)];

    /// <summary>
    /// Reads the table: the first row holds the headers (any order, extra columns ignored), each further non-blank
    /// row one organization. Row numbers count from 1 for the header row, as a spreadsheet shows them.
    /// </summary>
    public static Result Parse(IReadOnlyList<IReadOnlyList<string>> table, IEnumerable<Municipality> municipalities)
    {
        var errors = new List<Error>();
        if (table.Count == 0 || table[0].All(string.IsNullOrWhiteSpace))
        {
            errors.Add(new Error(1, "", "", "В первой строке файла нет заголовков столбцов"));
            return new Result([], errors);
        }

        var columns = new Dictionary<Field, int>();
        for (var i = 0; i < table[0].Count; i++)
        {
            var header = table[0][i].Trim();
            if (!HeaderAliases.TryGetValue(NormalizeHeader(header), out var field)) continue;
            if (!columns.TryAdd(field, i))
            {
                errors.Add(new Error(1, header, header, $"Столбец «{header}» повторяется: оставьте один"));
            }
        }
        foreach (var (field, title) in Required)
        {
            if (!columns.ContainsKey(field)) errors.Add(new Error(1, title, "", $"В файле нет обязательного столбца «{title}»"));
        }
        if (errors.Count > 0) return new Result([], errors);

        var byName = municipalities.GroupBy(m => NormalizeName(m.Name)).ToDictionary(g => g.Key, g => g.ToList());
        var rows = new List<Row>();
        var firstByName = new Dictionary<(long, string), int>();
        var firstByInn = new Dictionary<string, int>();
        for (var r = 1; r < table.Count; r++)
        {
            var cells = table[r];
            if (cells.All(string.IsNullOrWhiteSpace)) continue;
            var number = r + 1;
            var rowErrors = new List<Error>();
            string Cell(Field f) => columns.TryGetValue(f, out var i) && i < cells.Count ? cells[i].Trim() : "";
            void Fail(string column, string value, string message) => rowErrors.Add(new Error(number, column, value, message));

            var name = Cell(Field.Name);
            if (name.Length == 0) Fail(NameColumn, name, "Укажите полное наименование");
            else if (name.Length > NameMaxLength) Fail(NameColumn, name, $"Полное наименование длиннее {NameMaxLength} символов");

            var shortName = Cell(Field.ShortName);
            if (shortName.Length == 0) Fail(ShortNameColumn, shortName, "Укажите краткое наименование");
            else if (shortName.Length > ShortNameMaxLength) Fail(ShortNameColumn, shortName, $"Краткое наименование длиннее {ShortNameMaxLength} символов");

            var typeText = Cell(Field.Type);
            var type = TerritoryNames.ParseOrganizationType(typeText);
            if (typeText.Length == 0) Fail(TypeColumn, typeText, "Укажите тип организации");
            else if (type is null) Fail(TypeColumn, typeText, "Неизвестный тип организации; допустимы: " + TypeTitles);

            var municipalityText = Cell(Field.Municipality);
            Municipality? municipality = null;
            if (municipalityText.Length == 0) Fail(MunicipalityColumn, municipalityText, "Укажите муниципалитет");
            else if (!byName.TryGetValue(NormalizeName(municipalityText), out var found)) Fail(MunicipalityColumn, municipalityText, "Муниципалитет не найден или вне вашей области доступа");
            else if (found.Count > 1) Fail(MunicipalityColumn, municipalityText, "Муниципалитет с таким названием есть в нескольких регионах; импортируйте такие организации от имени администратора региона");
            else municipality = found[0];

            string? inn = null;
            if (columns.ContainsKey(Field.Inn) && Cell(Field.Inn) is { Length: > 0 } innText)
            {
                if (Inn.IsValidLegalEntity(innText)) inn = innText;
                else Fail(InnColumn, innText, "Неверный ИНН организации: нужно 10 цифр с верной контрольной цифрой");
            }

            string? address = null;
            if (columns.ContainsKey(Field.Address))
            {
                address = Cell(Field.Address);
                if (address.Length > AddressMaxLength) Fail(AddressColumn, address, $"Адрес длиннее {AddressMaxLength} символов");
            }

            string? email = null;
            if (columns.ContainsKey(Field.Email))
            {
                email = Cell(Field.Email);
                if (email.Length > EmailMaxLength) Fail(EmailColumn, email, $"E-mail длиннее {EmailMaxLength} символов");
                else if (email.Length > 0 && !EmailPattern().IsMatch(email)) Fail(EmailColumn, email, "Неверный адрес электронной почты");
            }

            if (municipality is not null && name.Length > 0)
            {
                if (firstByName.TryGetValue((municipality.Id, NormalizeName(name)), out var first))
                {
                    Fail(NameColumn, name, $"Строки {first} и {number}: одно и то же полное наименование в одном муниципалитете");
                }
                else
                {
                    firstByName[(municipality.Id, NormalizeName(name))] = number;
                }
            }
            if (inn is not null)
            {
                if (firstByInn.TryGetValue(inn, out var first)) Fail(InnColumn, inn, $"Строки {first} и {number}: один и тот же ИНН");
                else firstByInn[inn] = number;
            }

            if (rowErrors.Count > 0)
            {
                errors.AddRange(rowErrors);
                continue;
            }
            rows.Add(new Row(number, name, shortName, type!.Value, municipality!.Id, municipality.RegionId, inn, address, email));
        }
        if (rows.Count == 0 && errors.Count == 0) errors.Add(new Error(2, "", "", "В файле нет ни одной строки с организацией"));
        return new Result(rows, errors);
    }

    /// <summary>
    /// Matches each row to an organization already in the user's scope: by ИНН when the row has one, otherwise (or
    /// when no organization has that ИНН yet) by municipality and full name. Rows that would break the uniqueness
    /// of ИНН or of the name in a municipality are errors, so loading either writes every row or none.
    /// </summary>
    /// <param name="existing">Organizations in scope that carry one of the rows' ИНН or sit in one of their municipalities.</param>
    /// <param name="innsOutsideScope">ИНН from the file already held by organizations the user does not reach.</param>
    public static PlanResult Plan(IReadOnlyList<Row> rows, IReadOnlyList<Existing> existing, IReadOnlySet<string> innsOutsideScope)
    {
        var byInn = existing.Where(e => e.Inn is not null).ToDictionary(e => e.Inn!);
        var byName = existing.ToLookup(e => (e.MunicipalityId, NormalizeName(e.Name)));
        var decisions = new List<Decision>();
        var errors = new List<Error>();
        var claimedBy = new Dictionary<long, int>();
        foreach (var row in rows)
        {
            var sameName = byName[(row.MunicipalityId, NormalizeName(row.Name))].ToList();
            // Prefer the exact spelling when the letter case alone tells two organizations apart.
            var nameMatch = sameName.FirstOrDefault(e => e.Name == row.Name) ?? sameName.FirstOrDefault();
            Existing? match;
            if (row.Inn is not null && innsOutsideScope.Contains(row.Inn))
            {
                errors.Add(new Error(row.RowNumber, InnColumn, row.Inn, "Организация с этим ИНН уже есть в системе вне вашей области доступа"));
                continue;
            }
            if (row.Inn is not null && byInn.TryGetValue(row.Inn, out var innMatch))
            {
                match = innMatch;
                if (sameName.Any(e => e.Id != innMatch.Id))
                {
                    errors.Add(new Error(row.RowNumber, NameColumn, row.Name,
                        "В муниципалитете уже есть другая организация с таким полным наименованием (с другим ИНН)"));
                    continue;
                }
            }
            else
            {
                match = nameMatch;
                if (match is not null && row.Inn is not null && match.Inn is not null && match.Inn != row.Inn)
                {
                    errors.Add(new Error(row.RowNumber, InnColumn, row.Inn,
                        $"В муниципалитете уже есть организация с таким полным наименованием и другим ИНН ({match.Inn})"));
                    continue;
                }
            }
            if (match is null)
            {
                decisions.Add(new Decision(row, RowStatus.New, null));
                continue;
            }
            if (claimedBy.TryGetValue(match.Id, out var first))
            {
                errors.Add(new Error(row.RowNumber, NameColumn, row.Name, $"Строки {first} и {row.RowNumber} описывают одну и ту же организацию"));
                continue;
            }
            claimedBy[match.Id] = row.RowNumber;
            decisions.Add(new Decision(row, Changes(row, match) ? RowStatus.Update : RowStatus.Unchanged, match.Id));
        }
        return new PlanResult(decisions, errors);
    }

    private static bool Changes(Row row, Existing e) =>
        row.Name != e.Name
        || row.ShortName != e.ShortName
        || row.Type != e.Type
        || row.MunicipalityId != e.MunicipalityId
        || (row.Inn is not null && row.Inn != e.Inn)
        || (row.Address is not null && row.Address != e.Address)
        || (row.Email is not null && row.Email != e.Email);

    private static string TypeTitles => string.Join(", ", Enum.GetValues<OrganizationType>().Select(t => t.Title()));

    /// <summary>Names compare without regard to case, «ё», or repeated spaces.</summary>
    private static string NormalizeName(string name) =>
        Spaces().Replace(name.Trim().ToLowerInvariant().Replace('ё', 'е'), " ");

    // «ИНН (10 цифр)», «Тип*», «Адрес:» all name their column.
    private static string NormalizeHeader(string header) =>
        NormalizeName(Parenthesized().Replace(header, "")).TrimEnd('*', ':', ' ').Trim();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();

    [GeneratedRegex(@"\([^)]*\)")]
    private static partial Regex Parenthesized();

    [GeneratedRegex(@"^[^@\s]+@[^@\s]+\.[^@\s.]+$")]
    private static partial Regex EmailPattern();
}
