namespace Nastavnik.Cli;

public static class Program
{
    public static async Task<int> Main(string[] args)
    {
        var verb = args.FirstOrDefault() ?? "help";
        var rest = args.Skip(1).ToArray();
        try
        {
            return verb switch
            {
                "serve" => await ServeCommand.RunAsync(rest),
                "migrate" => await MigrateCommand.RunAsync(rest),
                "db" when rest.FirstOrDefault() == "migrate" => await MigrateCommand.RunAsync(rest[1..]),
                "demo" => await DemoCommand.RunAsync(rest),
                "create-user" => await CreateUserCommand.RunAsync(rest),
                "roadmap" => await RoadmapCommand.RunAsync(rest),
                "import" when rest.FirstOrDefault() == "people" => await ImportPeopleCommand.RunAsync(rest[1..]),
                "match" => MatchCommand.Run(rest),
                "bench" => await BenchCommand.RunAsync(rest),
                "pairs" => await PairsCommand.RunAsync(rest),
                "help" or "--help" or "-h" => Help(Console.Out, 0),
                _ => Help(Console.Error, 2),
            };
        }
        catch (CliException e)
        {
            Console.Error.WriteLine($"Ошибка: {e.Message}");
            return 1;
        }
    }

    private static int Help(TextWriter o, int code)
    {
        o.WriteLine("""
            nastavnik — информационная система «Наставник»

            Команды:
              serve [--urls URL] [--demo|--no-demo]   запустить систему (по умолчанию http://127.0.0.1:5000)
              db migrate | migrate                    применить SQL-миграции из db/migrations
              demo                                    загрузить демонстрационные данные (повторный запуск ничего не меняет)
              create-user --login L --name "ФИО" --password P --role РОЛЬ [--region R] [--municipality M] [--organization O] [--email E]
                                                      создать пользователя с назначением роли
                роли: system_admin, region_admin, municipal_coordinator, org_head, curator, mentor, mentee, legal_representative
              roadmap deadline "<текст срока>" [--period ГГГГ-ММ-ДД..ГГГГ-ММ-ДД]
                                                      разобрать срок дорожной карты и вывести JSON
              roadmap import ФАЙЛ [--dry-run] [--json] [--node region:ИМЯ|municipality:ИМЯ|organization:КРАТКОЕ_ИМЯ]
                                                      загрузить дорожную карту (.docx, .xlsx, .txt) черновиком
              import people ФАЙЛ --organization НОМЕР|КРАТКОЕ_ИМЯ [--municipality ИМЯ] [--kind pupil|teacher] [--dry-run]
                                                      загрузить обучающихся или педагогов (.xlsx, .csv); последняя строка added=N updated=N unchanged=N
              match solve ФАЙЛ [--threads N] [--out ФАЙЛ_ПАР]
                                                      оптимальный подбор пар по файлу задачи; строка total=… matched=… seconds=…
              match generate --mentees N [--municipalities G] [--candidates K] [--seed S] … --out ФАЙЛ
                                                      создать реалистичную задачу подбора (nastavnik match — все параметры)
              match dimacs ФАЙЛ --out ФАЙЛ.min        задача подбора как поток минимальной стоимости в формате DIMACS
              pairs watchlist --node КРАТКОЕ_ИМЯ_ОО|МУНИЦИПАЛИТЕТ|РЕГИОН [--json]
                                                      пары под наблюдением узла: {"stalled", "missing_feedback", "overdue_contacts", "low_ratings", "active"}
              bench deadlines [--seconds N]           замер: разбор сроков, фраз в секунду (один поток)
              bench control [--organizations N]       замер: контрольный отчёт региона (1000 ОО × 40 мероприятий × 5 лет)
              bench import [--items N] [--connection CS]  замер: импорт .docx на 200 пунктов (чтение и сохранение)
              bench watchlist [--pairs 30000] [--meetings 1000000] [--duration 15] [--keep]
                                                      замер: страница «Пары под наблюдением» под wrk (куратор и муниципальный координатор)
              bench match [--sizes 100000:1000,…] [--quick]
                                                      замер подбора пар: загрузка, компоненты, решение, объяснения, память, устойчивость

            Без ConnectionStrings__Nastavnik команды используют локальный кластер PostgreSQL
            (создаётся и запускается автоматически; каталог: NASTAVNIK_HOME или каталог данных пользователя).
            """);
        return code;
    }
}

/// <summary>A user error: printed without a stack trace, exit code 1.</summary>
public sealed class CliException(string message) : Exception(message);
