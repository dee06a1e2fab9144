using Nastavnik.Domain.People;
using Nastavnik.Domain.Territories;
using static Nastavnik.Domain.People.PeopleImport;

namespace Nastavnik.Domain.Tests.People;

public class PeopleImportTests
{
    private static readonly DateOnly Today = new(2026, 11, 21);
    private static readonly Organization School = new(5, "МБОУ СОШ № 1", OrganizationType.School, 61);
    private static readonly Organization Kindergarten = new(6, "МБДОУ № 5", OrganizationType.Preschool, 61);
    private static readonly string[] Header = ["ФИО", "Дата рождения", "Класс", "Пол", "Телефон", "E-mail", "Законный представитель"];

    private static string[] Pupil(string name = "Иванов Иван Иванович", string birth = "01.09.2012", string @class = "7Б") =>
        [name, birth, @class, "М", "+7 900 000-00-00", "ivan@example.ru", "Иванова Мария Петровна (мать)"];

    private static Result ParseRows(params string[][] rows) => Parse([Header, .. rows], PersonKind.Pupil, Today, _ => School);

    private static Error SingleError(Result result) => Assert.Single(result.Errors);

    [Fact]
    public void Parse_ValidRow_ReturnsAllFields()
    {
        var result = ParseRows(Pupil());

        Assert.Empty(result.Errors);
        var row = Assert.Single(result.Rows);
        Assert.Equal((2, 5L, "Иванов", "Иван", "Иванович", new DateOnly(2012, 9, 1), "7Б", 7, Sex.M), (row.RowNumber, row.OrganizationId,
            row.LastName, row.FirstName, row.MiddleName, row.BirthDate, row.ClassName, row.Grade, row.Sex));
        Assert.Equal(new Representative("Иванова", "Мария", "Петровна", Relationship.Mother), row.Representative);
    }

    [Fact]
    public void Parse_SeparateNameColumns_AreRead()
    {
        string[] header = ["Фамилия", "Имя", "Отчество", "Дата рождения"];
        var result = Parse([header, ["Петров", "Пётр", "", "05.05.2010"]], PersonKind.Pupil, Today, _ => School);

        var row = Assert.Single(result.Rows);
        Assert.Equal(("Петров", "Пётр", ""), (row.LastName, row.FirstName, row.MiddleName));
    }

    [Theory]
    [InlineData("7Б", "7Б", 7)]
    [InlineData("7 Б", "7Б", 7)]
    [InlineData("7-б", "7Б", 7)]
    [InlineData("11а", "11А", 11)]
    public void ClassName_Spellings_AreNormalized(string text, string name, int grade)
    {
        Assert.Equal(new ImportClassName.Parsed(name, grade), ImportClassName.Parse(text));
    }

    [Theory]
    [InlineData("7")]
    [InlineData("12Б")]
    [InlineData("седьмой")]
    [InlineData("7BB")]
    public void Parse_ClassThatDoesNotParse_IsError(string text)
    {
        var error = SingleError(ParseRows(Pupil(@class: text)));
        Assert.Equal((2, "Класс", text), (error.RowNumber, error.Column, error.Value));
        Assert.Contains("Класс не распознан", error.Message);
    }

    [Fact]
    public void Parse_ExcelSerialDate_IsRead()
    {
        var result = ParseRows(Pupil(birth: "41153")); // 01.09.2012
        Assert.Equal(new DateOnly(2012, 9, 1), Assert.Single(result.Rows).BirthDate);
    }

    [Fact]
    public void Parse_ImpossibleDate_IsError()
    {
        var error = SingleError(ParseRows(Pupil(birth: "31.02.2010")));
        Assert.Equal(("Дата рождения", "31.02.2010"), (error.Column, error.Value));
        Assert.Contains("Неверная дата", error.Message);
    }

    [Fact]
    public void Parse_FutureBirthDate_IsError()
    {
        var error = SingleError(ParseRows(Pupil(birth: "01.01.2027")));
        Assert.Contains("в будущем", error.Message);
    }

    [Theory]
    [InlineData("01.01.2022")] // 4 years old at school
    [InlineData("01.01.2000")] // 26
    public void Parse_AgeOutsideSchoolRange_IsError(string birth)
    {
        var error = SingleError(ParseRows(Pupil(birth: birth)));
        Assert.Contains("от 6 до 19 лет", error.Message);
    }

    [Fact]
    public void Parse_AgeRangeDependsOnOrganizationType()
    {
        string[] header = ["ФИО", "Дата рождения"];
        var result = Parse([header, ["Малышев Миша", "01.01.2022"]], PersonKind.Pupil, Today, _ => Kindergarten);
        Assert.Empty(result.Errors);
        Assert.Equal((1, 8), PupilAges(OrganizationType.Preschool));
        Assert.Equal((14, 25), PupilAges(OrganizationType.Spo));
    }

    [Fact]
    public void Parse_MissingRequiredColumn_IsErrorOnHeader()
    {
        var result = Parse([["ФИО", "Класс"], ["Иванов Иван", "7Б"]], PersonKind.Pupil, Today, _ => School);
        var error = SingleError(result);
        Assert.Equal((1, "Дата рождения"), (error.RowNumber, error.Column));
        Assert.Contains("нет обязательного столбца «Дата рождения»", error.Message);
        Assert.Empty(result.Rows);
    }

    [Fact]
    public void Parse_EmptyTable_IsError()
    {
        var error = SingleError(Parse([], PersonKind.Pupil, Today, _ => School));
        Assert.Contains("Файл пустой", error.Message);
    }

    [Fact]
    public void Parse_DuplicateRows_IsErrorNamingBothRows()
    {
        var result = ParseRows(Pupil(), Pupil(name: "иванов  иван иванович"));
        var error = SingleError(result);
        Assert.Equal(3, error.RowNumber);
        Assert.Contains("Строки 2 и 3", error.Message);
    }

    [Fact]
    public void Parse_CellOver1000Characters_IsError()
    {
        var row = Pupil();
        row[4] = new string('1', 100_000);
        var error = SingleError(ParseRows(row));
        Assert.Equal(("Телефон", 2), (error.Column, error.RowNumber));
        Assert.Contains("длиннее 1000 символов", error.Message);
        Assert.True(error.Value.Length <= 101);
    }

    [Theory]
    [InlineData("=HYPERLINK(\"http://x\")")]
    [InlineData("+Иванов Иван")]
    [InlineData("-Иванов Иван")]
    [InlineData("@SUM(A1)")]
    public void Parse_FormulaInjectionInName_IsError(string name)
    {
        var error = SingleError(ParseRows(Pupil(name: name)));
        Assert.Equal("ФИО", error.Column);
        Assert.Contains("похоже на формулу", error.Message);
    }

    [Fact]
    public void Parse_FormulaInjectionInRepresentative_IsError()
    {
        var row = Pupil();
        row[6] = "=cmd|' /C calc'!A0";
        Assert.Contains("похоже на формулу", SingleError(ParseRows(row)).Message);
    }

    [Fact]
    public void Parse_UnknownHeader_IsReportedAndMappingApplies()
    {
        string[] header = ["Ученик", "Дата рождения", "Примечание"];
        var table = new IReadOnlyList<string>[] { header, ["Сидоров Сидор", "02.02.2012", "x"] };

        var guessed = Parse(table, PersonKind.Pupil, Today, _ => School);
        Assert.Equal(["Ученик", "Примечание"], guessed.UnknownColumns.Select(c => c.Header));
        Assert.Contains(guessed.Errors, e => e.Message.Contains("«ФИО»"));

        var mapped = Parse(table, PersonKind.Pupil, Today, _ => School, [Field.FullName, Field.BirthDate, Field.Ignore]);
        Assert.Empty(mapped.Errors);
        Assert.Equal("Сидоров", Assert.Single(mapped.Rows).LastName);
    }

    [Fact]
    public void Mapping_RoundTripsThroughText()
    {
        Field[] mapping = [Field.FullName, Field.Ignore, Field.BirthDate];
        Assert.Equal(mapping, ParseMapping(FormatMapping(mapping)));
        Assert.Null(ParseMapping("FullName,Nonsense"));
    }

    [Fact]
    public void Parse_OrganizationColumn_ResolvesEachRowAndRejectsUnknown()
    {
        string[] header = ["ФИО", "Дата рождения", "Образовательная организация"];
        var result = Parse([header, ["Иванов Иван", "01.01.2012", "МБОУ СОШ № 1"], ["Петров Пётр", "01.01.2012", "Чужая школа"]],
            PersonKind.Pupil, Today, name => name == "МБОУ СОШ № 1" ? School : null);
        Assert.Equal(5, Assert.Single(result.Rows).OrganizationId);
        var error = SingleError(result);
        Assert.Equal((3, "Образовательная организация"), (error.RowNumber, error.Column));
    }

    [Fact]
    public void Plan_MatchesOnNameAndBirthDate_NewUpdatedUnchanged()
    {
        var rows = ParseRows(Pupil(), Pupil(name: "Петров Пётр Петрович"), Pupil(name: "Сидоров Сидор Сидорович")).Rows;
        Existing[] existing =
        [
            new(100, 5, "Иванов", "Иван", "Иванович", new DateOnly(2012, 9, 1), "7Б", Sex.M, "+7 900 000-00-00", "ivan@example.ru", ["Иванова Мария Петровна"]),
            new(101, 5, "ПЕТРОВ", "Пётр", "Петрович", new DateOnly(2012, 9, 1), "6Б", Sex.M, "+7 900 000-00-00", "ivan@example.ru", ["Иванова Мария Петровна"]),
            new(102, 5, "Сидоров", "Сидор", "Сидорович", new DateOnly(2012, 9, 2), "7Б", Sex.M, "", "", []),
        ];

        var plan = Plan(rows, existing);

        Assert.Equal([RowStatus.Unchanged, RowStatus.Update, RowStatus.New], plan.Decisions.Select(d => d.Status));
        Assert.Equal(100, plan.Decisions[0].ExistingId);
        var changes = plan.Decisions[1].Changes;
        Assert.Contains(new Change("Класс", "6Б", "7Б"), changes);
        Assert.Contains(new Change("Фамилия", "ПЕТРОВ", "Петров"), changes);
        Assert.True(plan.Decisions[2].AddsRepresentative);
        Assert.False(plan.Decisions[0].AddsRepresentative);
    }

    [Fact]
    public void Plan_OtherOrganization_DoesNotMatch()
    {
        var rows = ParseRows(Pupil()).Rows;
        var plan = Plan(rows, [new(100, 99, "Иванов", "Иван", "Иванович", new DateOnly(2012, 9, 1), "7Б", Sex.M, "", "", [])]);
        Assert.Equal(RowStatus.New, Assert.Single(plan.Decisions).Status);
    }

    [Fact]
    public void Plan_BlockedPerson_IsLeftUnchanged()
    {
        var rows = ParseRows(Pupil(@class: "8Б")).Rows;
        var plan = Plan(rows, [new(100, 5, "Иванов", "Иван", "Иванович", new DateOnly(2012, 9, 1), "7Б", Sex.M, "", "", [], Blocked: true)]);
        var decision = Assert.Single(plan.Decisions);
        Assert.Equal((RowStatus.Unchanged, 100L), (decision.Status, decision.ExistingId));
        Assert.Empty(decision.Changes);
        Assert.False(decision.AddsRepresentative);
    }
}
