using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Nastavnik.Data;
using Nastavnik.Data.Entities;
using Nastavnik.Domain.Access;

namespace Nastavnik.Cli;

/// <summary>`nastavnik create-user`: a user with one role assignment, under the same password rules as the web.</summary>
public static class CreateUserCommand
{
    public const string Usage = """
        --login L --name "ФИО" --password P --role РОЛЬ [--region R] [--municipality M] [--organization O] [--email E]
        создать пользователя с назначением роли; роли: system_admin, region_admin, municipal_coordinator, org_head,
        curator, mentor, mentee, legal_representative
        """;

    public static async Task<int> RunAsync(string[] args)
    {
        var a = CliArgs.Parse(args, options: ["--login", "--name", "--password", "--role", "--region", "--municipality", "--organization", "--email"]);
        string Required(string key, string what) =>
            a.Value(key) is { } v && v.Trim().Length > 0 ? v.Trim() : throw CliException.Usage($"укажите {what} ({key})");
        var login = Required("--login", "логин");
        var name = Required("--name", "ФИО");
        var password = Required("--password", "пароль");
        var roleCode = Required("--role", "роль");
        Role role;
        try
        {
            role = Roles.FromCode(roleCode);
        }
        catch (ArgumentException)
        {
            throw CliException.Usage($"неизвестная роль «{roleCode}»; допустимы: {string.Join(", ", Roles.All.Select(r => r.Code()))}");
        }

        var config = CliDatabase.Configuration([]);
        var (cs, _) = await CliDatabase.ResolveAsync(config);
        await CliDatabase.MigrateAsync(await CliDatabase.ResolveOwnerAsync(CliDatabase.Configuration([])));

        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton(CliDatabase.Actor);
        services.AddNastavnikData(new ConfigurationBuilder()
            .AddInMemoryCollection([new($"ConnectionStrings:{DataServices.ConnectionStringName}", cs)]).Build());
        services.AddIdentityCore<User>(IdentitySetup.Configure).AddEntityFrameworkStores<NastavnikDb>();
        await using var provider = services.BuildServiceProvider();
        await using var scope = provider.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<NastavnikDb>();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<User>>();

        var region = a.Value("--region") is { } regionName
            ? await db.Regions.SingleOrDefaultAsync(r => r.Name == regionName.Trim() || r.Code == regionName.Trim())
              ?? throw new CliException($"регион «{regionName}» не найден")
            : null;
        var municipality = a.Value("--municipality") is { } mName
            ? await db.Municipalities.Where(m => region == null || m.RegionId == region.Id).Where(m => m.Name == mName.Trim()).ToListAsync() switch
            {
                [var one] => one,
                [] => throw new CliException($"муниципалитет «{mName}» не найден"),
                _ => throw new CliException($"муниципалитетов «{mName}» несколько: укажите --region"),
            }
            : null;
        var organization = a.Value("--organization") is { } oName
            ? await db.Organizations.Where(o => municipality == null || o.MunicipalityId == municipality.Id)
                .Where(o => o.ShortName == oName.Trim() || o.Name == oName.Trim()).ToListAsync() switch
            {
                [var one] => one,
                [] => throw new CliException($"организация «{oName}» не найдена"),
                _ => throw new CliException($"организаций «{oName}» несколько: укажите --municipality"),
            }
            : null;

        var (assignment, error) = RoleAssignment.For(role, region?.Id ?? municipality?.RegionId ?? organization?.RegionId, municipality, organization);
        if (assignment is null) throw new CliException(error!);

        var user = new User { UserName = login, FullName = name, Email = a.Value("--email")?.Trim() };
        user.Assignments.Add(assignment);
        await using var tx = await db.Database.BeginTransactionAsync();
        var result = await users.CreateAsync(user, password);
        if (!result.Succeeded) throw new CliException(string.Join("; ", result.Errors.Select(e => e.Description)));
        await tx.CommitAsync();
        Console.WriteLine($"Пользователь «{login}» создан: {role.Title()}.");
        return 0;
    }
}
