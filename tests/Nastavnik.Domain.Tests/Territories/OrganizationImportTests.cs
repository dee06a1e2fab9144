using Nastavnik.Domain.Territories;
using static Nastavnik.Domain.Territories.OrganizationImport;

namespace Nastavnik.Domain.Tests.Territories;

public class OrganizationImportTests
{
    private static readonly Municipality Azov = new(11, "Город Азов", 61);
    private static readonly Municipality Volgodonsk = new(12, "Волгодонской район", 61);
    private static readonly Municipality[] Lookup = [Azov, Volgodonsk];

    private static readonly string[] Header = ["Полное наименование", "Краткое наименование", "Тип", "Муниципалитет", "ИНН", "Адрес", "E-mail"];

    private static string[] School(string name = "МБОУ СОШ № 1 г. Азова", string inn = "6100000012", string municipality = "Город Азов") =>
        [name, "СОШ № 1", "школа", municipality, inn, "г. Азов, ул. Мира, 1", "school1@azov.ru"];

    private static Result ParseRows(params string[][] rows) => Parse([Header, .. rows], Lookup);

    [Fact]
    public void Parse_ValidRow_ReturnsAllFieldsWithMunicipalityAndRegion()
    {
        var result = ParseRows(School());

        Assert.Empty(result.Errors);
        var row = Assert.Single(result.Rows);
        Assert.Equal(new Row(2, "МБОУ СОШ № 1 г. Азова", "СОШ № 1", OrganizationType.School, 11, 61, "6100000012",
            "г. Азов, ул. Мира, 1", "school1@azov.ru"), row);
    }

    [Fact]
    public void Parse_HeadersInOtherCaseOrderAndSpelling_AreRecognised()
    {
        string[] header = ["муниципальное образование", "ТИП", "наименование", "Электронная почта", "Краткое наименование*", "ИНН (10 цифр)"];
        string[] row = ["город азов", "ДОУ", "МБДОУ детский сад № 5", "sad5@azov.ru", "Д/с № 5", ""];

        var result = Parse([header, row], Lookup);

        Assert.Empty(result.Errors);
        var parsed = Assert.Single(result.Rows);
        Assert.Equal(("МБДОУ детский сад № 5", "Д/с № 5", OrganizationType.Preschool, 11L, 61L), (parsed.Name, parsed.ShortName, parsed.Type, parsed.MunicipalityId, parsed.RegionId));
        Assert.Null(parsed.Inn);
        Assert.Equal("sad5@azov.ru", parsed.Email);
        Assert.Null(parsed.Address);
    }

    [Fact]
    public void Parse_MissingRequiredColumns_ReportsEachOnHeaderRowAndNoRows()
    {
        string[] header = ["Полное наименование", "ИНН"];

        var result = Parse([header, ["Школа", "6100000012"]], Lookup);

        Assert.Empty(result.Rows);
        Assert.Equal(["Краткое наименование", "Тип", "Муниципалитет"], result.Errors.Select(e => e.Column));
        Assert.All(result.Errors, e => Assert.Equal(1, e.RowNumber));
        Assert.Contains("нет обязательного столбца «Тип»", result.Errors[1].Message);
    }

    [Fact]
    public void Parse_EmptyTable_IsFileError()
    {
        var result = Parse([], Lookup);

        Assert.Empty(result.Rows);
        Assert.Contains("нет заголовков", Assert.Single(result.Errors).Message);
    }

    [Fact]
    public void Parse_HeaderOnly_IsErrorSoNothingCanBeLoaded()
    {
        var result = ParseRows();

        Assert.Empty(result.Rows);
        Assert.Contains("нет ни одной строки", Assert.Single(result.Errors).Message);
    }

    [Fact]
    public void Parse_BlankRowsAndSpaces_AreSkippedAndTrimmed()
    {
        var result = ParseRows(["", " ", "  "], ["  Школа № 2 ", " СОШ № 2", "СОШ ", " Город Азов ", " 6100000020 ", "", ""]);

        Assert.Empty(result.Errors);
        var row = Assert.Single(result.Rows);
        Assert.Equal((3, "Школа № 2", "СОШ № 2", "6100000020", ""), (row.RowNumber, row.Name, row.ShortName, row.Inn, row.Address));
    }

    [Fact]
    public void Parse_ShortRowWithoutTrailingCells_ReadsMissingCellsAsBlank()
    {
        var result = ParseRows(["Школа № 3", "СОШ № 3", "школа", "Город Азов"]);

        var row = Assert.Single(result.Rows);
        Assert.Null(row.Inn);
        Assert.Equal("", row.Email);
    }

    [Fact]
    public void Parse_BadRowAmongGoodOnes_ListsEveryErrorWithRowNumberAndKeepsGoodRows()
    {
        var result = ParseRows(
            School(),
            ["", "", "университет", "Неизвестный район", "123", new string('а', 501), "not-an-email"],
            School("Школа № 2", "6100000020"));

        Assert.Equal([2, 4], result.Rows.Select(r => r.RowNumber));
        Assert.All(result.Errors, e => Assert.Equal(3, e.RowNumber));
        Assert.Equal(
            [
                ("Полное наименование", "Укажите полное наименование"),
                ("Краткое наименование", "Укажите краткое наименование"),
                ("Тип", "Неизвестный тип организации; допустимы: Общеобразовательная организация, СПО, Дополнительное образование, ДОУ"),
                ("Муниципалитет", "Муниципалитет не найден или вне вашей области доступа"),
                ("ИНН", "Неверный ИНН организации: нужно 10 цифр с верной контрольной цифрой"),
                ("Адрес", "Адрес длиннее 500 символов"),
                ("E-mail", "Неверный адрес электронной почты"),
            ],
            result.Errors.Select(e => (e.Column, e.Message)));
        Assert.Equal("университет", result.Errors[2].Value);
    }

    [Theory]
    [InlineData("6100000013")]
    [InlineData("61000000")]
    [InlineData("610000001A")]
    [InlineData("610000000012")]
    public void Parse_InvalidInn_IsRowError(string inn)
    {
        var result = ParseRows(School(inn: inn));

        Assert.Empty(result.Rows);
        Assert.Equal(("ИНН", inn), (Assert.Single(result.Errors).Column, result.Errors[0].Value));
    }

    [Fact]
    public void Parse_TooLongNames_AreErrors()
    {
        var result = ParseRows([new string('я', 501), new string('я', 201), "СПО", "Город Азов"]);

        Assert.Equal(["Полное наименование длиннее 500 символов", "Краткое наименование длиннее 200 символов"], result.Errors.Select(e => e.Message));
    }

    [Fact]
    public void Parse_NamesAtMaximumLength_AreAccepted()
    {
        var result = ParseRows([new string('я', 500), new string('я', 200), "СПО", "Город Азов", "", new string('а', 500), new string('a', 190) + "@mail.ru"]);

        Assert.Empty(result.Errors);
        Assert.Single(result.Rows);
    }

    [Fact]
    public void Parse_SameNameTwiceInOneMunicipality_ErrorNamesBothRows()
    {
        var result = ParseRows(School(inn: ""), School("мбоу сош № 1 г. азова", ""));

        var error = Assert.Single(result.Errors);
        Assert.Equal((3, "Полное наименование"), (error.RowNumber, error.Column));
        Assert.Contains("Строки 2 и 3", error.Message);
        Assert.Equal([2], result.Rows.Select(r => r.RowNumber));
    }

    [Fact]
    public void Parse_SameNameInDifferentMunicipalities_IsAllowed()
    {
        var result = ParseRows(School(inn: ""), School(inn: "", municipality: "Волгодонской район"));

        Assert.Empty(result.Errors);
        Assert.Equal([11L, 12L], result.Rows.Select(r => r.MunicipalityId));
    }

    [Fact]
    public void Parse_SameInnTwice_ErrorNamesBothRows()
    {
        var result = ParseRows(School("Школа А"), School("Школа Б"));

        var error = Assert.Single(result.Errors);
        Assert.Equal((3, "ИНН", "6100000012"), (error.RowNumber, error.Column, error.Value));
        Assert.Contains("Строки 2 и 3", error.Message);
    }

    [Fact]
    public void Parse_MunicipalityNameInTwoRegions_IsAmbiguousError()
    {
        var result = Parse([Header, School()], [Azov, new Municipality(99, "город азов", 77)]);

        Assert.Contains("нескольких регионах", Assert.Single(result.Errors).Message);
    }

    [Fact]
    public void Parse_WithoutOptionalColumns_LeavesThemNull()
    {
        var result = Parse([["Наименование", "Краткое наименование", "Тип", "Муниципалитет"], ["Колледж", "ТК", "колледж", "Город Азов"]], Lookup);

        var row = Assert.Single(result.Rows);
        Assert.Equal((OrganizationType.Spo, (string?)null, (string?)null, (string?)null), (row.Type, row.Inn, row.Address, row.Email));
    }

    [Fact]
    public void Parse_RepeatedColumn_IsFileError()
    {
        var result = Parse([[.. Header, "Наименование"], School()], Lookup);

        Assert.Empty(result.Rows);
        Assert.Contains("повторяется", Assert.Single(result.Errors).Message);
    }

    private static Row RowOf(string name, string? inn, long municipalityId = 11, int number = 2, string? address = "Адрес", string? email = "") =>
        new(number, name, "Кратко", OrganizationType.School, municipalityId, 61, inn, address, email);

    private static Existing Known(long id, string name, string? inn, long municipalityId = 11, string address = "Адрес") =>
        new(id, municipalityId, name, "Кратко", OrganizationType.School, inn, address, "");

    private static readonly IReadOnlySet<string> NoneElsewhere = new HashSet<string>();

    [Fact]
    public void Plan_UnknownOrganization_IsNew()
    {
        var plan = Plan([RowOf("Школа", "6100000012")], [Known(1, "Другая", null)], NoneElsewhere);

        Assert.Empty(plan.Errors);
        Assert.Equal((RowStatus.New, (long?)null), (plan.Decisions[0].Status, plan.Decisions[0].ExistingId));
    }

    [Fact]
    public void Plan_SameInnDifferentName_UpdatesThatOrganization()
    {
        var plan = Plan([RowOf("Новое имя", "6100000012")], [Known(7, "Старое имя", "6100000012")], NoneElsewhere);

        Assert.Equal((RowStatus.Update, (long?)7), (plan.Decisions[0].Status, plan.Decisions[0].ExistingId));
    }

    [Fact]
    public void Plan_SameValues_IsUnchanged()
    {
        var plan = Plan([RowOf("Школа", "6100000012")], [Known(7, "Школа", "6100000012")], NoneElsewhere);

        Assert.Equal(RowStatus.Unchanged, Assert.Single(plan.Decisions).Status);
    }

    [Fact]
    public void Plan_NoInnMatchesByMunicipalityAndName_AndKeepsKnownInn()
    {
        var plan = Plan([RowOf("Школа", null)], [Known(7, "Школа", "6100000012"), Known(8, "Школа", null, municipalityId: 12)], NoneElsewhere);

        Assert.Equal((RowStatus.Unchanged, (long?)7), (plan.Decisions[0].Status, plan.Decisions[0].ExistingId));
    }

    [Fact]
    public void Plan_AbsentAddressColumn_DoesNotCountAsChange()
    {
        var plan = Plan([RowOf("Школа", null, address: null, email: null)], [Known(7, "Школа", null, address: "Старый адрес")], NoneElsewhere);

        Assert.Equal(RowStatus.Unchanged, plan.Decisions[0].Status);
    }

    [Fact]
    public void Plan_ChangedAddress_IsUpdate()
    {
        var plan = Plan([RowOf("Школа", null, address: "Новый адрес")], [Known(7, "Школа", null, address: "Старый адрес")], NoneElsewhere);

        Assert.Equal(RowStatus.Update, plan.Decisions[0].Status);
    }

    [Fact]
    public void Plan_NewInnForNamedOrganizationWithoutInn_IsUpdate()
    {
        var plan = Plan([RowOf("Школа", "6100000012")], [Known(7, "Школа", null)], NoneElsewhere);

        Assert.Equal((RowStatus.Update, (long?)7), (plan.Decisions[0].Status, plan.Decisions[0].ExistingId));
    }

    [Fact]
    public void Plan_NameTakenWithOtherInn_IsError()
    {
        var plan = Plan([RowOf("Школа", "6100000012")], [Known(7, "Школа", "6100000020")], NoneElsewhere);

        Assert.Empty(plan.Decisions);
        Assert.Contains("6100000020", Assert.Single(plan.Errors).Message);
    }

    [Fact]
    public void Plan_RenameByInnOntoAnotherOrganizationsName_IsError()
    {
        var plan = Plan([RowOf("Школа Б", "6100000012")], [Known(7, "Школа А", "6100000012"), Known(8, "Школа Б", null)], NoneElsewhere);

        Assert.Equal("Полное наименование", Assert.Single(plan.Errors).Column);
    }

    [Fact]
    public void Plan_InnHeldOutsideScope_IsError()
    {
        var plan = Plan([RowOf("Школа", "6100000012")], [], new HashSet<string> { "6100000012" });

        Assert.Contains("вне вашей области доступа", Assert.Single(plan.Errors).Message);
    }

    [Fact]
    public void Plan_TwoRowsReachingOneOrganization_ErrorNamesBothRows()
    {
        var plan = Plan([RowOf("Школа", "6100000012", number: 2), RowOf("Школа старое имя", null, number: 5)],
            [Known(7, "Школа старое имя", "6100000012")], NoneElsewhere);

        Assert.Contains("Строки 2 и 5", Assert.Single(plan.Errors).Message);
    }

    [Fact]
    public void Plan_InnMatchInOtherMunicipality_MovesIt()
    {
        var plan = Plan([RowOf("Школа", "6100000012", municipalityId: 12)], [Known(7, "Школа", "6100000012", municipalityId: 11)], NoneElsewhere);

        Assert.Equal((RowStatus.Update, (long?)7), (plan.Decisions[0].Status, plan.Decisions[0].ExistingId));
    }

    [Theory]
    [InlineData(RowStatus.New, "новая")]
    [InlineData(RowStatus.Update, "будет обновлена")]
    [InlineData(RowStatus.Unchanged, "без изменений")]
    public void Title_Status_IsRussian(RowStatus status, string title) => Assert.Equal(title, status.Title());
}
