namespace Nastavnik.Domain.Territories;

public enum OrganizationType { School, Spo, Additional, Preschool }

public enum PartnerType { Enterprise, University, College, Ngo, CultureSport, Other }

public enum MunicipalityKind { CityDistrict, MunicipalDistrict, MunicipalOkrug }

public static class TerritoryNames
{
    public static string Title(this OrganizationType type) => type switch
    {
        OrganizationType.School => "Общеобразовательная организация",
        OrganizationType.Spo => "СПО",
        OrganizationType.Additional => "Дополнительное образование",
        OrganizationType.Preschool => "ДОУ",
        _ => throw new ArgumentOutOfRangeException(nameof(type)),
    };

    public static string Title(this PartnerType type) => type switch
    {
        PartnerType.Enterprise => "Предприятие",
        PartnerType.University => "Вуз",
        PartnerType.College => "Колледж",
        PartnerType.Ngo => "НКО",
        PartnerType.CultureSport => "Учреждение культуры/спорта",
        PartnerType.Other => "Иное",
        _ => throw new ArgumentOutOfRangeException(nameof(type)),
    };

    public static string Title(this MunicipalityKind kind) => kind switch
    {
        MunicipalityKind.CityDistrict => "Городской округ",
        MunicipalityKind.MunicipalDistrict => "Муниципальный район",
        MunicipalityKind.MunicipalOkrug => "Муниципальный округ",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    /// <summary>
    /// Reads an organization type as officials write it in a spreadsheet cell: the full title, the abbreviation,
    /// or a common synonym («школа», «колледж», «детский сад»), in any letter case.
    /// </summary>
    public static OrganizationType? ParseOrganizationType(string? text)
    {
        var t = (text ?? "").Trim().ToLowerInvariant().Replace('ё', 'е');
        if (t.Length == 0) return null;
        foreach (var type in Enum.GetValues<OrganizationType>())
        {
            if (t == type.Title().ToLowerInvariant()) return type;
        }
        return t switch
        {
            "оо" or "школа" or "сош" or "оош" or "общеобразовательная" or "общее образование" => OrganizationType.School,
            "спо" or "колледж" or "техникум" or "профессиональная образовательная организация" => OrganizationType.Spo,
            "до" or "дополнительное" or "доп. образование" or "организация дополнительного образования" => OrganizationType.Additional,
            "доу" or "детский сад" or "дошкольная" or "дошкольная образовательная организация" => OrganizationType.Preschool,
            _ => null,
        };
    }
}
