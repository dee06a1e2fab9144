using Nastavnik.Web.Features.Demo;

namespace Nastavnik.Cli;

public static class DemoCommand
{
    public const string Usage = """
        [--Раздел:Ключ=значение]
        загрузить демонстрационные данные и вывести входы (повторный запуск ничего не меняет)
        """;

    public static async Task<int> RunAsync(string[] args)
    {
        var a = CliArgs.Parse(args, configuration: true);
        var config = CliDatabase.Configuration([.. a.Configuration]);
        await CliDatabase.MigrateAsync(await CliDatabase.ResolveOwnerAsync(config));
        var (cs, _) = await CliDatabase.ResolveAsync(config);
        await using var db = CliDatabase.Open(cs, CliDatabase.Actor);
        await DemoSeeder.LoadAllAsync(db, Console.Out);
        PrintLogins(Console.Out);
        return 0;
    }

    public static void PrintLogins(TextWriter o)
    {
        o.WriteLine($"Демонстрационные входы (пароль у всех: {DemoData.Password}):");
        foreach (var l in DemoData.Logins)
        {
            o.WriteLine($"  {l.Login,-12} {Nastavnik.Domain.Access.Roles.Title(l.Role)}{(l.Node.Length > 0 ? " — " + l.Node : "")}");
        }
    }
}
