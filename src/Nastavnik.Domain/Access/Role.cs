namespace Nastavnik.Domain.Access;

public enum Role
{
    SystemAdmin,
    RegionAdmin,
    MunicipalCoordinator,
    OrgHead,
    Curator,
    Mentor,
    Mentee,
    LegalRepresentative,
}

public enum ScopeLevel { System, Region, Municipality, Organization }

public static class Roles
{
    public static readonly IReadOnlyList<Role> All = Enum.GetValues<Role>();

    public static string Title(this Role role) => role switch
    {
        Role.SystemAdmin => "Системный администратор",
        Role.RegionAdmin => "Региональный администратор / РНЦ",
        Role.MunicipalCoordinator => "Муниципальный координатор",
        Role.OrgHead => "Руководитель ОО",
        Role.Curator => "Куратор ОО",
        Role.Mentor => "Наставник",
        Role.Mentee => "Наставляемый",
        Role.LegalRepresentative => "Законный представитель",
        _ => throw new ArgumentOutOfRangeException(nameof(role)),
    };

    /// <summary>The node level an assignment of this role is scoped to.</summary>
    public static ScopeLevel Level(this Role role) => role switch
    {
        Role.SystemAdmin => ScopeLevel.System,
        Role.RegionAdmin => ScopeLevel.Region,
        Role.MunicipalCoordinator => ScopeLevel.Municipality,
        _ => ScopeLevel.Organization,
    };

    /// <summary>The text stored in role_assignments.role.</summary>
    public static string Code(this Role role) => role switch
    {
        Role.SystemAdmin => "system_admin",
        Role.RegionAdmin => "region_admin",
        Role.MunicipalCoordinator => "municipal_coordinator",
        Role.OrgHead => "org_head",
        Role.Curator => "curator",
        Role.Mentor => "mentor",
        Role.Mentee => "mentee",
        Role.LegalRepresentative => "legal_representative",
        _ => throw new ArgumentOutOfRangeException(nameof(role)),
    };

    public static Role FromCode(string code)
    {
        foreach (var role in All)
        {
            if (role.Code() == code) return role;
        }
        throw new ArgumentException($"Unknown role code '{code}'", nameof(code));
    }
}
