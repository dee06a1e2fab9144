using System.ComponentModel.DataAnnotations;
using Nastavnik.Data.Entities;
using Nastavnik.Domain.Territories;

namespace Nastavnik.Web.Features.Territories.Organizations;

public sealed class OrganizationForm
{
    /// <summary>Checked against the municipalities offered to the user by the page.</summary>
    public long? MunicipalityId { get; set; }

    [Required(ErrorMessage = "Укажите полное наименование организации")]
    [StringLength(500, ErrorMessage = "Полное наименование — не длиннее 500 символов")]
    public string Name { get; set; } = "";

    [Required(ErrorMessage = "Укажите краткое наименование организации")]
    [StringLength(200, ErrorMessage = "Краткое наименование — не длиннее 200 символов")]
    public string ShortName { get; set; } = "";

    [Required(ErrorMessage = "Выберите тип организации")]
    [EnumDataType(typeof(OrganizationType), ErrorMessage = "Выберите тип организации из списка")]
    public OrganizationType? Type { get; set; }

    [Inn(LegalEntityOnly = true, ErrorMessage = "ИНН организации — 10 цифр с верной контрольной суммой")]
    public string? Inn { get; set; }

    [StringLength(500, ErrorMessage = "Адрес — не длиннее 500 символов")]
    public string? Address { get; set; }

    [EmailAddress(ErrorMessage = "E-mail организации указан неверно")]
    [StringLength(200, ErrorMessage = "E-mail — не длиннее 200 символов")]
    public string? Email { get; set; }

    /// <summary>The row version (xmin) the form was opened with.</summary>
    public uint Version { get; set; }

    public static OrganizationForm From(Organization o) => new()
    {
        MunicipalityId = o.MunicipalityId, Name = o.Name, ShortName = o.ShortName, Type = o.Type, Inn = o.Inn,
        Address = o.Address, Email = o.Email, Version = o.Version,
    };

    /// <summary>Copies the fields; the municipality (and with it the region) is set by the page after its scope check.</summary>
    public void ApplyTo(Organization o)
    {
        o.Name = Name.Trim();
        o.ShortName = ShortName.Trim();
        o.Type = Type!.Value;
        o.Inn = string.IsNullOrWhiteSpace(Inn) ? null : Inn.Trim();
        o.Address = Address?.Trim() ?? "";
        o.Email = Email?.Trim() ?? "";
    }

    /// <summary>The field and Russian message for a broken unique constraint of organizations.</summary>
    public static (string Field, string Message) UniqueError(string constraint) => constraint == "organizations_inn_unique"
        ? ("Form.Inn", "Организация с таким ИНН уже есть в системе")
        : ("Form.Name", "Организация с таким полным наименованием уже есть в этом муниципалитете");
}
