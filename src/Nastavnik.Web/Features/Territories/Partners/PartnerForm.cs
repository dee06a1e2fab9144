using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using Nastavnik.Data;
using Nastavnik.Data.Entities;
using Nastavnik.Domain.Access;
using Nastavnik.Domain.Territories;

namespace Nastavnik.Web.Features.Territories.Partners;

public sealed class PartnerForm
{
    /// <summary>Checked against the regions the user manages by the page.</summary>
    public long? RegionId { get; set; }

    [Required(ErrorMessage = "Укажите наименование партнёра")]
    [StringLength(500, ErrorMessage = "Наименование партнёра — не длиннее 500 символов")]
    public string Name { get; set; } = "";

    [Required(ErrorMessage = "Выберите тип партнёра")]
    [EnumDataType(typeof(PartnerType), ErrorMessage = "Выберите тип партнёра из списка")]
    public PartnerType? Type { get; set; }

    [Inn(ErrorMessage = "ИНН партнёра — 10 или 12 цифр с верной контрольной суммой")]
    public string? Inn { get; set; }

    [StringLength(200, ErrorMessage = "Контактное лицо — не длиннее 200 символов")]
    public string? ContactPerson { get; set; }

    [EmailAddress(ErrorMessage = "E-mail партнёра указан неверно")]
    [StringLength(200, ErrorMessage = "E-mail — не длиннее 200 символов")]
    public string? Email { get; set; }

    [StringLength(50, ErrorMessage = "Телефон — не длиннее 50 символов")]
    public string? Phone { get; set; }

    public List<long> MunicipalityIds { get; set; } = [];

    /// <summary>The row version (xmin) the form was opened with.</summary>
    public uint Version { get; set; }

    public static PartnerForm From(Partner p) => new()
    {
        RegionId = p.RegionId, Name = p.Name, Type = p.Type, Inn = p.Inn, ContactPerson = p.ContactPerson, Email = p.Email,
        Phone = p.Phone, MunicipalityIds = p.Municipalities.Select(m => m.MunicipalityId).ToList(), Version = p.Version,
    };

    /// <summary>Whether every chosen municipality is in scope and in the partner's region: a partner serves its own region only.</summary>
    public async Task<bool> MunicipalitiesBelongToRegionAsync(NastavnikDb db, Scope scope)
    {
        var ids = MunicipalityIds.Distinct().ToArray();
        var found = await db.Municipalities.InScope(scope).CountAsync(m => m.RegionId == RegionId && ids.Contains(m.Id));
        return found == ids.Length;
    }

    public const string MunicipalitiesOutsideRegion = "Обслуживаемые муниципалитеты должны относиться к региону партнёра";
    public const string DuplicateName = "Партнёр с таким наименованием уже есть в регионе";

    /// <summary>Copies the fields and makes the served municipalities match the form; returns whether that set changed.</summary>
    public bool ApplyTo(Partner p)
    {
        p.RegionId = RegionId!.Value;
        p.Name = Name.Trim();
        p.Type = Type!.Value;
        p.Inn = string.IsNullOrWhiteSpace(Inn) ? null : Inn.Trim();
        p.ContactPerson = ContactPerson?.Trim() ?? "";
        p.Email = Email?.Trim() ?? "";
        p.Phone = Phone?.Trim() ?? "";
        var wanted = MunicipalityIds.ToHashSet();
        var removed = p.Municipalities.RemoveAll(m => !wanted.Contains(m.MunicipalityId));
        var added = wanted.Except(p.Municipalities.Select(m => m.MunicipalityId)).ToList();
        foreach (var id in added) p.Municipalities.Add(new PartnerMunicipality { MunicipalityId = id });
        return removed > 0 || added.Count > 0;
    }
}
