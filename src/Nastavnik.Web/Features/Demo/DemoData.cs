using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Nastavnik.Data;
using Nastavnik.Data.Entities;
using Nastavnik.Domain.Access;
using Nastavnik.Domain.Territories;

namespace Nastavnik.Web.Features.Demo;

/// <summary>
/// The demo territories of the seed roadmaps and one demo user per role. Loading is idempotent: a database that
/// already holds the demo regions is left as it is.
/// </summary>
public static class DemoData
{
    public const string Password = "nastavnik-demo";

    public sealed record DemoLogin(string Login, Role Role, string FullName, string Node);

    /// <summary>One login per role, all scoped inside Волгодонской район (Ростовская область).</summary>
    public static readonly IReadOnlyList<DemoLogin> Logins =
    [
        new("admin", Role.SystemAdmin, "Соколов Андрей Викторович", ""),
        new("region", Role.RegionAdmin, "Белова Ирина Николаевна", "Ростовская область"),
        new("coordinator", Role.MunicipalCoordinator, "Гончаренко Ольга Петровна", "Волгодонской район"),
        new("head", Role.OrgHead, "Левченко Татьяна Юрьевна", "МБОУ: Романовская СОШ"),
        new("curator", Role.Curator, "Кравченко Наталья Александровна", "МБОУ: Романовская СОШ"),
        new("mentor", Role.Mentor, "Ковалёв Дмитрий Сергеевич", "МБОУ: Романовская СОШ"),
        new("mentee", Role.Mentee, "Миронова Алина Игоревна", "МБОУ: Романовская СОШ"),
        new("parent", Role.LegalRepresentative, "Миронова Елена Викторовна", "МБОУ: Романовская СОШ"),
    ];

    private sealed record Org(string ShortName, string Name, OrganizationType Type);

    public static async Task<bool> EnsureAsync(NastavnikDb db, TextWriter log, CancellationToken ct = default)
    {
        if (await db.Regions.AnyAsync(r => r.Name == "Ростовская область", ct))
        {
            log.WriteLine("Demo data already loaded.");
            return false;
        }
        await using var tx = await db.Database.BeginTransactionAsync(ct);

        var rostov = Region("Ростовская область", "61");
        var azov = Municipality(rostov, "г. Азов", MunicipalityKind.CityDistrict, "Управление образования г. Азова",
            new Org("МБОУ СОШ № 1 г. Азова", "Муниципальное бюджетное общеобразовательное учреждение средняя общеобразовательная школа № 1 г. Азова", OrganizationType.School),
            new Org("МБОУ СОШ № 9 г. Азова", "Муниципальное бюджетное общеобразовательное учреждение средняя общеобразовательная школа № 9 г. Азова", OrganizationType.School),
            new Org("МБОУ Лицей г. Азова", "Муниципальное бюджетное общеобразовательное учреждение лицей г. Азова", OrganizationType.School),
            new Org("МБУ ДО ДДТ г. Азова", "Муниципальное бюджетное учреждение дополнительного образования Дом детского творчества г. Азова", OrganizationType.Additional));
        // The six schools named, in this order, in order № 310 of 30.09.2020 (seed 001).
        var volgodonsk = Municipality(rostov, "Волгодонской район", MunicipalityKind.MunicipalDistrict, "Отдел образования Администрации Волгодонского района",
            School("Большовская", "основная"), School("Прогрессовская", "основная"), School("Октябрьская", "основная"),
            School("Краснодонская", "основная"), School("Побединская", "средняя"), School("Романовская", "средняя"));

        var stavropol = Region("Ставропольский край", "26");
        var essentuki = Municipality(stavropol, "г. Ессентуки", MunicipalityKind.CityDistrict, "Управление образования администрации г. Ессентуки",
            new Org("МБОУ СОШ № 2 г. Ессентуки", "Муниципальное бюджетное общеобразовательное учреждение средняя общеобразовательная школа № 2 г. Ессентуки", OrganizationType.School),
            new Org("МБОУ Лицей № 6 г. Ессентуки", "Муниципальное бюджетное общеобразовательное учреждение лицей № 6 г. Ессентуки", OrganizationType.School),
            new Org("МБДОУ Детский сад № 10 г. Ессентуки", "Муниципальное бюджетное дошкольное образовательное учреждение детский сад № 10 г. Ессентуки", OrganizationType.Preschool),
            new Org("МБУ ДО ЦДТ г. Ессентуки", "Муниципальное бюджетное учреждение дополнительного образования Центр детского творчества г. Ессентуки", OrganizationType.Additional));

        var moscow = Region("Московская область", "50");
        var dubna = Municipality(moscow, "городской округ Дубна", MunicipalityKind.CityDistrict, "ГОРУНО Администрации городского округа Дубна",
            new Org("МБОУ СОШ № 1 г. Дубны", "Муниципальное бюджетное общеобразовательное учреждение «Средняя общеобразовательная школа № 1» г. Дубны", OrganizationType.School),
            new Org("МБОУ Гимназия № 3 г. Дубны", "Муниципальное бюджетное общеобразовательное учреждение «Гимназия № 3» г. Дубны", OrganizationType.School),
            new Org("МБОУ Лицей «Дубна»", "Муниципальное бюджетное общеобразовательное учреждение лицей «Дубна» г. Дубны", OrganizationType.School),
            new Org("Колледж «Дубна»", "Государственное бюджетное профессиональное образовательное учреждение Московской области колледж «Дубна»", OrganizationType.Spo));

        db.Regions.AddRange(rostov, stavropol, moscow);
        await db.SaveChangesAsync(ct);

        db.Partners.AddRange(
            Partner(rostov, "Донской государственный технический университет", PartnerType.University, azov, volgodonsk),
            Partner(rostov, "АО «Волгодонской агрокомбинат»", PartnerType.Enterprise, volgodonsk),
            Partner(stavropol, "Ессентукский филиал Ставропольского медицинского колледжа", PartnerType.College, essentuki),
            Partner(moscow, "Государственный университет «Дубна»", PartnerType.University, dubna),
            Partner(moscow, "АНО «Центр молодёжных инициатив Дубны»", PartnerType.Ngo, dubna));

        var romanovskaya = volgodonsk.Organizations.Single(o => o.ShortName == "МБОУ: Романовская СОШ");
        var hasher = new PasswordHasher<User>();
        foreach (var login in Logins)
        {
            var user = new User
            {
                UserName = login.Login,
                NormalizedUserName = login.Login.ToUpperInvariant(),
                Email = $"{login.Login}@demo.nastavnik.local",
                NormalizedEmail = $"{login.Login}@demo.nastavnik.local".ToUpperInvariant(),
                FullName = login.FullName,
                SecurityStamp = Guid.NewGuid().ToString("N"),
                ConcurrencyStamp = Guid.NewGuid().ToString(),
                LockoutEnabled = true,
            };
            user.PasswordHash = hasher.HashPassword(user, Password);
            user.Assignments.Add(login.Role.Level() switch
            {
                ScopeLevel.System => new RoleAssignment { Role = login.Role },
                ScopeLevel.Region => new RoleAssignment { Role = login.Role, Region = rostov },
                ScopeLevel.Municipality => new RoleAssignment { Role = login.Role, Region = rostov, Municipality = volgodonsk },
                _ => new RoleAssignment { Role = login.Role, Region = rostov, Municipality = volgodonsk, Organization = romanovskaya },
            });
            db.Users.Add(user);
        }
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        log.WriteLine($"Demo data loaded: 3 regions, 4 municipalities, {db.Organizations.Local.Count} organizations, {Logins.Count} users.");
        return true;
    }

    private static Region Region(string name, string code) => new() { Name = name, Code = code };

    private static Municipality Municipality(Region region, string name, MunicipalityKind kind, string authority, params Org[] orgs)
    {
        var m = new Municipality { Region = region, Name = name, Kind = kind, AuthorityName = authority };
        foreach (var o in orgs)
        {
            m.Organizations.Add(new Organization
            {
                Region = region, Name = o.Name, ShortName = o.ShortName, Type = o.Type,
                Address = "", Email = "",
            });
        }
        region.Municipalities.Add(m);
        return m;
    }

    private static Org School(string village, string level) => new(
        $"МБОУ: {village} {(level == "средняя" ? "СОШ" : "ООШ")}",
        $"Муниципальное бюджетное общеобразовательное учреждение: {village} {level} общеобразовательная школа",
        OrganizationType.School);

    private static Partner Partner(Region region, string name, PartnerType type, params Municipality[] served)
    {
        var p = new Partner { Region = region, Name = name, Type = type };
        foreach (var m in served) p.Municipalities.Add(new PartnerMunicipality { Municipality = m });
        return p;
    }
}
