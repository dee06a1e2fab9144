using System.Diagnostics;
using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using Nastavnik.Cli;
using Nastavnik.Data;
using Nastavnik.Data.Entities;
using Nastavnik.Domain.Roadmaps;
using Nastavnik.Domain.Territories;
using Nastavnik.Web;
using Nastavnik.Web.Features.Roadmaps;
using static Nastavnik.Bench.Harness;

namespace Nastavnik.Bench;

/// <summary>
/// `import [--items N] [--runs N] [--connection CS]`: builds an N-item roadmap .docx in memory and
/// times reading it (open, table, parse) and saving it as a draft (sections, items, occurrences with fan-out to the
/// municipality's six schools, as in the Волгодонской order, and the audit rows) into the database of the connection string — given with --connection or as
/// ConnectionStrings__Nastavnik; without one only the reading is timed. The rows it makes are deleted afterwards.
/// </summary>
public static class ImportBench
{
    private const int Schools = 6;
    private const int WarmUp = 2;

    public const string Usage = """
        [--items 200] [--runs 5] [--connection СТРОКА]
        импорт .docx на N пунктов: чтение и сохранение черновика (веер на 6 школ) в базу строки подключения
        (или ConnectionStrings__Nastavnik), строки замера затем удаляются; без строки подключения — только чтение
        """;

    public static async Task<int> RunAsync(string[] args)
    {
        var a = CliArgs.Parse(args, options: ["--items", "--runs", "--connection"]);
        var items = a.Int("--items", 200, 1, 5000);
        var runs = a.Int("--runs", 5, 1, 100);
        var connection = a.Value("--connection") ?? CliDatabase.Configuration([]).GetConnectionString(DataServices.ConnectionStringName);
        if (string.IsNullOrWhiteSpace(connection)) connection = null;

        var reader = new RoadmapFileReader(Options.Create(new NastavnikOptions()));
        var node = connection is null ? null : await CreateNodeAsync(connection);
        var read = new List<double>();
        var saved = new List<double>();
        var occurrences = 0;
        try
        {
            // The first runs warm up JIT, EF's model and the connection pool; they are not counted.
            for (var run = 0; run < WarmUp + runs; run++)
            {
                // A new file each run (its own title): the same file again would be found, not imported.
                var file = Docx(items, $"прогон {run} {Guid.NewGuid():N}");
                var clock = Stopwatch.StartNew();
                var result = reader.Read("bench.docx", file);
                var document = result.Document ?? throw new CliException(result.Error!);
                var readMs = clock.Elapsed.TotalMilliseconds;
                if (document.Items.Count != items) throw new CliException($"прочитано {document.Items.Count} пунктов из {items}");
                double saveMs = 0;
                if (node is not null)
                {
                    clock.Restart();
                    await using var db = CliDatabase.Open(connection!, CliDatabase.Actor);
                    var outcome = await new RoadmapImporter(db).ImportAsync(document, node.Target, Period.Years(2020, 2024), "bench.docx", RoadmapImporter.Hash(file));
                    saveMs = clock.Elapsed.TotalMilliseconds;
                    occurrences = outcome.Occurrences;
                }
                if (run < WarmUp) continue;
                read.Add(readMs);
                saved.Add(saveMs);
            }
        }
        finally
        {
            if (node is not null) await DeleteNodeAsync(connection!, node);
        }

        var total = read.Zip(saved, (a, b) => a + b).ToList();
        string Ms(List<double> xs) => string.Create(CultureInfo.InvariantCulture, $"медиана {Median(xs):F0} мс, худший {xs.Max():F0} мс");
        Console.WriteLine($"Импорт .docx на {items} пунктов, {runs} прогонов после разогрева:");
        Console.WriteLine($"  чтение и разбор: {Ms(read)}");
        if (node is null)
        {
            Console.WriteLine("  сохранение не замерялось: нет строки подключения (--connection или ConnectionStrings__Nastavnik)");
            return 0;
        }
        Console.WriteLine($"  сохранение черновика (сроков исполнения: {occurrences}, веер на {Schools} школ): {Ms(saved)}");
        Console.WriteLine($"  всего: {Ms(total)} (цель — не больше 1000 мс)");
        return 0;
    }

    private sealed record Node(long RegionId, long MunicipalityId, RoadmapImporter.Node Target);

    /// <summary>A throwaway region → municipality with five schools to fan out to.</summary>
    private static async Task<Node> CreateNodeAsync(string connection)
    {
        await using var db = CliDatabase.Open(connection, CliDatabase.Actor);
        var tag = Guid.NewGuid().ToString("N")[..8];
        var region = new Region { Name = $"Замер импорта {tag}" };
        var municipality = new Municipality { Region = region, Name = $"Замер импорта {tag}", Kind = MunicipalityKind.CityDistrict };
        for (var i = 1; i <= Schools; i++)
        {
            db.Organizations.Add(new Organization
            {
                Region = region, Municipality = municipality, Name = $"Школа замера {i} {tag}", ShortName = $"СОШ {i} {tag}",
                Type = OrganizationType.School,
            });
        }
        await db.SaveChangesAsync();
        return new Node(region.Id, municipality.Id, new RoadmapImporter.Node(RoadmapLevel.Municipality, region.Id, municipality.Id, null));
    }

    private static async Task DeleteNodeAsync(string connection, Node node)
    {
        await using var db = CliDatabase.Open(connection, CliDatabase.Actor);
        await db.Roadmaps.Where(r => r.RegionId == node.RegionId).ExecuteDeleteAsync();
        await db.Organizations.Where(o => o.RegionId == node.RegionId).ExecuteDeleteAsync();
        await db.Municipalities.Where(m => m.Id == node.MunicipalityId).ExecuteDeleteAsync();
        await db.Regions.Where(r => r.Id == node.RegionId).ExecuteDeleteAsync();
    }

    /// <summary>The five seed roadmaps' parties: about half name the schools (fan-out), half the municipal bodies.</summary>
    private static readonly string[] Responsible =
    [
        "Руководители ОО", "Управление образования г. Азова", "Кураторы внедрения ЦМН ОО", "Сектор ИМР",
        "руководители общеобразовательных организаций, кураторы по внедрению ЦМН в ОО", "Отдел образования",
        "Образовательные учреждения", "ЦРО",
    ];

    /// <summary>
    /// An N-item plan in the official layout — sections of 20 items, № · Наименование · Срок · Ответственный · Результат —
    /// whose deadlines are the seed roadmaps' deadline cells in turn (a real mix of dates, windows, recurrences).
    /// </summary>
    public static byte[] Docx(int items, string tag)
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var body = new Body(
                Paragraph("Приложение к приказу отдела образования от 01.09.2023 № 100"),
                Paragraph($"План мероприятий (дорожная карта) внедрения целевой модели наставничества ({tag})"),
                Paragraph("Период 2020 - 2024 г.г."));
            var table = new Table(new TableProperties(new TableBorders(
                new TopBorder { Val = BorderValues.Single }, new BottomBorder { Val = BorderValues.Single },
                new InsideHorizontalBorder { Val = BorderValues.Single }, new InsideVerticalBorder { Val = BorderValues.Single })));
            table.Append(Row("№ п/п", "Наименование мероприятия", "Срок исполнения", "Ответственный исполнитель", "Результат. Вид документа"));
            table.Append(Row("1", "2", "3", "4", "5"));
            for (var i = 0; i < items; i++)
            {
                var section = i / 20 + 1;
                if (i % 20 == 0)
                {
                    table.Append(new TableRow(new TableCell(new TableCellProperties(new GridSpan { Val = 5 }),
                        Paragraph($"{section}. Раздел {section}: организационные мероприятия по внедрению целевой модели наставничества"))));
                }
                table.Append(Row($"{section}.{i % 20 + 1}.",
                    $"Мероприятие {i + 1}: проведение работы по внедрению целевой модели наставничества в образовательных организациях",
                    DeadlineSamples.SeedPhrases[i % DeadlineSamples.SeedPhrases.Count].Text, Responsible[i % Responsible.Length],
                    "Информационная справка"));
            }
            body.Append(table);
            document.AddMainDocumentPart().Document = new Document(body);
        }
        return stream.ToArray();
    }

    private static Paragraph Paragraph(string text) => new(new Run(new Text(text)));

    private static TableRow Row(params string[] cells) => new(cells.Select(c => new TableCell(Paragraph(c))));
}
