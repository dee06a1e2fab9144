using Nastavnik.Cli;

namespace Nastavnik.Bench;

public static class Program
{
    /// <summary>Every bench; each class holds its usage next to the options it parses.</summary>
    public static readonly IReadOnlyList<CliVerb> Verbs =
    [
        new("deadlines", DeadlinesBench.Usage, args => Task.FromResult(DeadlinesBench.Run(args))),
        new("control", ControlBench.Usage, ControlBench.RunAsync),
        new("import", ImportBench.Usage, ImportBench.RunAsync),
        new("people-import", PeopleImportBench.Usage, PeopleImportBench.RunAsync),
        new("search", SearchBench.Usage, SearchBench.RunAsync),
        new("watchlist", WatchlistBench.Usage, WatchlistBench.RunAsync),
        new("match", MatchBench.Usage, MatchBench.RunAsync),
        new("destruction", DestructionBench.Usage, DestructionBench.RunAsync),
        new("match-one", MatchBench.RunOneUsage, args => Task.FromResult(MatchBench.RunOne(args)), Listed: false),
    ];

    public static Task<int> Main(string[] args) => CliVerb.RunAsync("nastavnik-bench", """
        nastavnik-bench — замеры производительности «Наставника»
        Запуск: dotnet run -c Release --project bench/Nastavnik.Bench -- ЗАМЕР [параметры]

        Замеры с базой создают временную базу на настроенном сервере (ConnectionStrings__Nastavnik) или в локальном
        кластере и удаляют её в конце (--keep — сохранить); веб-замеры поднимают сайт на свободном порту 127.0.0.1
        и нагружают его wrk (apt-get install wrk).
        """, Verbs, args);
}
