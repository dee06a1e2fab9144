namespace Nastavnik.Cli;

public static class MigrateCommand
{
    public static async Task<int> RunAsync(string[] args)
    {
        var (cs, _) = await CliDatabase.ResolveAsync(CliDatabase.Configuration(args));
        await CliDatabase.MigrateAsync(cs);
        Console.WriteLine("Схема базы данных актуальна.");
        return 0;
    }
}
