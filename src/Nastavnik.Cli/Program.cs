namespace Nastavnik.Cli;

public static class Program
{
    /// <summary>Every verb of `nastavnik`; each class holds its usage next to the options it parses.</summary>
    public static readonly IReadOnlyList<CliVerb> Verbs =
    [
        new("serve", ServeCommand.Usage, ServeCommand.RunAsync),
        new("db migrate", MigrateCommand.Usage, MigrateCommand.RunAsync),
        new("migrate", MigrateCommand.Usage, MigrateCommand.RunAsync, Listed: false), // the short spelling of `db migrate`
        new("demo", DemoCommand.Usage, DemoCommand.RunAsync),
        new("create-user", CreateUserCommand.Usage, CreateUserCommand.RunAsync),
        new("roadmap deadline", RoadmapCommand.DeadlineUsage, args => Task.FromResult(RoadmapCommand.Deadline(args))),
        new("roadmap import", RoadmapImportCommand.Usage, RoadmapImportCommand.RunAsync),
        new("import people", ImportPeopleCommand.Usage, ImportPeopleCommand.RunAsync),
        new("match solve", MatchCommand.SolveUsage, args => Task.FromResult(MatchCommand.Solve(args))),
        new("match generate", MatchCommand.GenerateUsage, args => Task.FromResult(MatchCommand.Generate(args))),
        new("match dimacs", MatchCommand.DimacsUsage, args => Task.FromResult(MatchCommand.ToDimacs(args))),
        new("pairs watchlist", PairsCommand.Usage, PairsCommand.RunAsync),
        new("consents withdraw", ConsentsCommand.WithdrawUsage, ConsentsCommand.WithdrawAsync),
        new("consents destroy-due", ConsentsCommand.DestroyDueUsage, ConsentsCommand.DestroyDueAsync),
    ];

    public static Task<int> Main(string[] args) => CliVerb.RunAsync("nastavnik", """
        nastavnik — информационная система «Наставник»

        Без ConnectionStrings__Nastavnik команды используют локальный кластер PostgreSQL
        (создаётся и запускается автоматически; каталог: NASTAVNIK_HOME или каталог данных пользователя).
        Замеры производительности: dotnet run -c Release --project bench/Nastavnik.Bench -- --help
        """, Verbs, args);
}
