using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Nastavnik.Cli;
using Nastavnik.Domain.Access;
using Nastavnik.Domain.Roadmaps;
using Nastavnik.Web.Features.Roadmaps;
using Npgsql;
using NpgsqlTypes;
using static Nastavnik.Bench.Harness;

namespace Nastavnik.Bench;

/// <summary>
/// `control`: a region of 1,000 organizations, each with a roadmap of 40 yearly items over
/// 2020–2024 (200,000 occurrences with execution records), bulk-loaded by binary COPY into a throwaway database on
/// the configured server (or the local cluster); then the region's control report is timed, median of 5 runs.
/// </summary>
public static class ControlBench
{
    private const int Municipalities = 50, Items = 40, FirstYear = 2020, LastYear = 2024;

    public const string Usage = """
        [--organizations 1000] [--runs 5] [--date 2022-12-31] [--keep]
        контрольный отчёт региона: 1000 организаций × 40 мероприятий × 5 лет во временной базе (загрузка COPY BINARY),
        медиана времени, цель ≤ 1 с; код выхода 1, если цель не достигнута
        """;

    public static async Task<int> RunAsync(string[] args)
    {
        var a = CliArgs.Parse(args, options: ["--organizations", "--runs", "--date"], flags: ["--keep"]);
        var organizations = a.Int("--organizations", 1000, 1, 100_000);
        var runs = a.Int("--runs", 5, 1, 100);
        var date = a.Date("--date", new DateOnly(2022, 12, 31));
        var keep = a.Has("--keep");

        var (server, name, cs) = await CreateThrowawayDatabaseAsync();
        try
        {
            var load = Stopwatch.StartNew();
            var (regionId, occurrences) = await LoadAsync(cs, organizations);
            load.Stop();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Загружено (COPY BINARY): {organizations} организаций, {organizations * Items} мероприятий, {occurrences} отметок исполнения за {load.Elapsed.TotalSeconds:F1} с; база {name}"));

            var scope = new Scope([new Assignment(Role.RegionAdmin, regionId, null, null)]);
            var node = new ControlNode(RoadmapLevel.Region, regionId);
            await using var db = CliDatabase.Open(cs, CliDatabase.Actor);
            db.ChangeTracker.QueryTrackingBehavior = QueryTrackingBehavior.NoTracking;

            ControlReport? report = null;
            var reportTimes = await TimeAsync(runs, async () => report = await ControlReport.BuildAsync(db, scope, node, "Регион", date));
            var pageTimes = await TimeAsync(runs, async () =>
            {
                await ControlReport.BuildAsync(db, scope, node, "Регион", date);
                var q = ControlReport.Occurrences(db, scope, node);
                await ControlReport.Upcoming(q, date).CountAsync();
                await ControlReport.ToListed(ControlReport.Overdue(q, date)).Take(25).ToListAsync();
            });
            var total = report!.Total;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Отчёт на {date:dd.MM.yyyy}: строк {report.Rows.Count}; в срок {total.OnTime}, с опозданием {total.Late}, не выполнено {total.NotDone}, предстоит {total.Upcoming}, не требуется {total.NotRequired}"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Контрольный отчёт региона (GROUP BY в PostgreSQL): медиана {Median(reportTimes):F0} мс из {runs} замеров [{string.Join(", ", reportTimes.Select(t => t.ToString("F0", CultureInfo.InvariantCulture)))}] мс; цель ≤ 1000 мс"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Страница контроля целиком (отчёт + ближайшие + первая страница просроченных): медиана {Median(pageTimes):F0} мс"));
            return Median(reportTimes) <= 1000 ? 0 : 1;
        }
        finally
        {
            await DropOrKeepAsync(server, name, keep);
        }
    }

    private static async Task<(long RegionId, long Occurrences)> LoadAsync(string cs, int organizationCount)
    {
        await using var conn = new NpgsqlConnection(cs);
        await conn.OpenAsync();
        var regionId = await ScalarAsync(conn, "insert into regions (name) values ('Регион для замера') returning id");

        await using (var copy = await conn.BeginBinaryImportAsync("copy municipalities (region_id, name, kind) from stdin (format binary)"))
        {
            for (var m = 1; m <= Municipalities; m++)
            {
                await copy.StartRowAsync();
                await copy.WriteAsync(regionId, NpgsqlDbType.Bigint);
                await copy.WriteAsync($"Муниципалитет {m:00}", NpgsqlDbType.Text);
                await copy.WriteAsync("municipal_district", NpgsqlDbType.Text);
            }
            await copy.CompleteAsync();
        }
        var municipalities = await IdsAsync(conn, "select id from municipalities order by id");

        await using (var copy = await conn.BeginBinaryImportAsync(
            "copy organizations (region_id, municipality_id, name, short_name, type) from stdin (format binary)"))
        {
            for (var o = 0; o < organizationCount; o++)
            {
                await copy.StartRowAsync();
                await copy.WriteAsync(regionId, NpgsqlDbType.Bigint);
                await copy.WriteAsync(municipalities[o % municipalities.Count], NpgsqlDbType.Bigint);
                await copy.WriteAsync($"Муниципальное бюджетное общеобразовательное учреждение № {o + 1}", NpgsqlDbType.Text);
                await copy.WriteAsync($"МБОУ № {o + 1}", NpgsqlDbType.Text);
                await copy.WriteAsync("school", NpgsqlDbType.Text);
            }
            await copy.CompleteAsync();
        }
        var organizations = await PairsAsync(conn, "select id, municipality_id from organizations order by id");

        await using (var copy = await conn.BeginBinaryImportAsync(
            "copy roadmaps (region_id, level, municipality_id, organization_id, title, period_start, period_end, status) from stdin (format binary)"))
        {
            foreach (var (org, municipality) in organizations)
            {
                await copy.StartRowAsync();
                await copy.WriteAsync(regionId, NpgsqlDbType.Bigint);
                await copy.WriteAsync("organization", NpgsqlDbType.Text);
                await copy.WriteAsync(municipality, NpgsqlDbType.Bigint);
                await copy.WriteAsync(org, NpgsqlDbType.Bigint);
                await copy.WriteAsync("Дорожная карта внедрения целевой модели наставничества", NpgsqlDbType.Text);
                await copy.WriteAsync(new DateOnly(FirstYear, 1, 1), NpgsqlDbType.Date);
                await copy.WriteAsync(new DateOnly(LastYear, 12, 31), NpgsqlDbType.Date);
                await copy.WriteAsync("approved", NpgsqlDbType.Text);
            }
            await copy.CompleteAsync();
        }
        var roadmaps = await PairsAsync(conn, "select id, organization_id from roadmaps order by id");

        await using (var copy = await conn.BeginBinaryImportAsync(
            "copy roadmap_items (roadmap_id, position, number, title, deadline_text, deadline_kind, responsible) from stdin (format binary)"))
        {
            foreach (var (roadmap, _) in roadmaps)
            {
                for (var i = 1; i <= Items; i++)
                {
                    await copy.StartRowAsync();
                    await copy.WriteAsync(roadmap, NpgsqlDbType.Bigint);
                    await copy.WriteAsync(i, NpgsqlDbType.Integer);
                    await copy.WriteAsync($"{(i - 1) / 10 + 1}.{(i - 1) % 10 + 1}.", NpgsqlDbType.Text);
                    await copy.WriteAsync($"Мероприятие дорожной карты № {i}", NpgsqlDbType.Text);
                    await copy.WriteAsync($"ежегодно в {Month(i)}", NpgsqlDbType.Text);
                    await copy.WriteAsync("recurring", NpgsqlDbType.Text);
                    await copy.WriteAsync("Руководитель ОО", NpgsqlDbType.Text);
                }
            }
            await copy.CompleteAsync();
        }

        // Execution records as a region would have them: most past items done (some late), some not; the future not started.
        var random = new Random(20201215);
        var today = new DateOnly(2023, 6, 30);
        var municipalityOf = organizations.ToDictionary(o => o.Id, o => o.Other);
        var organizationOf = roadmaps.ToDictionary(r => r.Id, r => r.Other);
        long occurrences = 0;
        await using (var reader = new NpgsqlCommand("select id, roadmap_id, position from roadmap_items order by id", conn))
        {
            var items = new List<(long Id, long Roadmap, int Position)>();
            await using (var rows = await reader.ExecuteReaderAsync())
            {
                while (await rows.ReadAsync()) items.Add((rows.GetInt64(0), rows.GetInt64(1), rows.GetInt32(2)));
            }
            await using var copy = await conn.BeginBinaryImportAsync(
                "copy roadmap_occurrences (item_id, roadmap_id, region_id, municipality_id, organization_id, start_date, due_date, status, done_on) from stdin (format binary)");
            foreach (var item in items)
            {
                var org = organizationOf[item.Roadmap];
                for (var year = FirstYear; year <= LastYear; year++)
                {
                    var month = (item.Position - 1) % 12 + 1;
                    var start = new DateOnly(year, month, 1);
                    var due = start.AddMonths(1).AddDays(-1);
                    var (status, doneOn) = Execution(random, due, today);
                    await copy.StartRowAsync();
                    await copy.WriteAsync(item.Id, NpgsqlDbType.Bigint);
                    await copy.WriteAsync(item.Roadmap, NpgsqlDbType.Bigint);
                    await copy.WriteAsync(regionId, NpgsqlDbType.Bigint);
                    await copy.WriteAsync(municipalityOf[org], NpgsqlDbType.Bigint);
                    await copy.WriteAsync(org, NpgsqlDbType.Bigint);
                    await copy.WriteAsync(start, NpgsqlDbType.Date);
                    await copy.WriteAsync(due, NpgsqlDbType.Date);
                    await copy.WriteAsync(status, NpgsqlDbType.Text);
                    if (doneOn is { } done) await copy.WriteAsync(done, NpgsqlDbType.Date);
                    else await copy.WriteNullAsync();
                    occurrences++;
                }
            }
            await copy.CompleteAsync();
        }
        await ExecuteAsync(conn, "analyze");
        return (regionId, occurrences);
    }

    private static (string Status, DateOnly? DoneOn) Execution(Random random, DateOnly due, DateOnly today)
    {
        var roll = random.Next(100);
        if (due > today) return roll < 10 ? ("in_progress", null) : ("not_started", null);
        return roll switch
        {
            < 60 => ("done", due.AddDays(-random.Next(0, 30))),
            < 75 => ("done", due.AddDays(random.Next(1, 60))),
            < 85 => ("not_done", null),
            < 95 => ("in_progress", null),
            _ => ("not_required", null),
        };
    }

    private static string Month(int position) => CultureInfo.GetCultureInfo("ru-RU").DateTimeFormat.MonthGenitiveNames[(position - 1) % 12];

    private static async Task<List<double>> TimeAsync(int runs, Func<Task> action)
    {
        await action(); // warm-up: connection, EF query compilation, PostgreSQL caches
        var times = new List<double>();
        for (var i = 0; i < runs; i++)
        {
            var clock = Stopwatch.StartNew();
            await action();
            times.Add(clock.Elapsed.TotalMilliseconds);
        }
        return times;
    }
}
