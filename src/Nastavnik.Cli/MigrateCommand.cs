namespace Nastavnik.Cli;

public static class MigrateCommand
{
    public const string Usage = """
        [--Раздел:Ключ=значение]
        применить SQL-миграции из db/migrations по порядку имён, каждую в своей транзакции (то же: nastavnik migrate)
        """;

    public static async Task<int> RunAsync(string[] args)
    {
        var a = CliArgs.Parse(args, configuration: true);
        await CliDatabase.MigrateAsync(await CliDatabase.ResolveOwnerAsync(CliDatabase.Configuration([.. a.Configuration])));
        Console.WriteLine("Схема базы данных актуальна.");
        return 0;
    }
}
