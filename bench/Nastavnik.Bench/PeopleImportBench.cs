using System.Diagnostics;
using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Nastavnik.Cli;
using Nastavnik.Domain.People;
using Npgsql;
using static Nastavnik.Bench.Harness;

namespace Nastavnik.Bench;

/// <summary>
/// `people-import [--rows 100000] [--format csv|xlsx] [--keep]`: writes a class list of N generated
/// pupils (Russian names, each with a parent), then imports it end to end — reading the file, full validation, the
/// plan against the school's people and the binary-COPY save — into a throwaway database; then imports it again
/// (every row unchanged). Prints seconds and the process's peak working set. Target: 100,000 rows ≤ 20 s, ≤ 1 GB.
/// </summary>
public static class PeopleImportBench
{
    internal static readonly string[] MaleSurnames =
        ["Иванов", "Смирнов", "Кузнецов", "Попов", "Васильев", "Петров", "Соколов", "Михайлов", "Новиков", "Фёдоров",
         "Морозов", "Волков", "Алексеев", "Лебедев", "Семёнов", "Егоров", "Павлов", "Козлов", "Степанов", "Николаев",
         "Орлов", "Андреев", "Макаров", "Никитин", "Захаров", "Зайцев", "Соловьёв", "Борисов", "Яковлев", "Григорьев",
         "Романов", "Воробьёв", "Сергеев", "Кузьмин", "Фролов", "Александров", "Дмитриев", "Королёв", "Гусев", "Киселёв",
         "Ильин", "Максимов", "Поляков", "Сорокин", "Виноградов", "Ковалёв", "Белов", "Медведев", "Антонов", "Тарасов"];
    internal static readonly string[] MaleNames =
        ["Александр", "Дмитрий", "Максим", "Сергей", "Андрей", "Алексей", "Артём", "Илья", "Кирилл", "Михаил",
         "Никита", "Матвей", "Роман", "Егор", "Арсений", "Иван", "Денис", "Евгений", "Даниил", "Тимофей",
         "Владислав", "Игорь", "Владимир", "Павел", "Руслан", "Марк", "Константин", "Тимур", "Олег", "Ярослав",
         "Антон", "Николай", "Глеб", "Данила", "Савелий", "Вадим", "Степан", "Юрий", "Богдан", "Лев"];
    internal static readonly string[] FemaleNames =
        ["Анастасия", "Мария", "Анна", "Виктория", "Екатерина", "Наталья", "Марина", "Полина", "София", "Дарья",
         "Алиса", "Ксения", "Александра", "Елена", "Ольга", "Татьяна", "Юлия", "Вероника", "Арина", "Валерия",
         "Ева", "Василиса", "Милана", "Варвара", "Кира", "Ульяна", "Алёна", "Диана", "Яна", "Елизавета",
         "Светлана", "Ирина", "Людмила", "Маргарита", "Злата", "Таисия", "Стефания", "Амелия", "Есения", "Надежда"];
    internal static readonly string[] Patronymics =
        ["Александров", "Дмитриев", "Сергеев", "Андреев", "Алексеев", "Иванов", "Михайлов", "Николаев", "Владимиров", "Павлов",
         "Игорев", "Олегов", "Викторов", "Евгеньев", "Юрьев", "Петров", "Романов", "Борисов", "Константинов", "Антонов",
         "Максимов", "Денисов", "Артёмов", "Кириллов", "Степанов", "Григорьев", "Фёдоров", "Вадимов", "Геннадьев", "Валерьев"];
    private static readonly string[] Letters = ["А", "Б", "В", "Г", "Д"];

    public const string Usage = """
        [--rows 100000] [--format csv|xlsx] [--keep]
        импорт N сгенерированных обучающихся с родителями из .csv или .xlsx во временную базу: чтение, полная проверка,
        COPY BINARY; секунды и пиковая память, цель ≤ 20 с и ≤ 1 ГБ
        """;

    public static async Task<int> RunAsync(string[] args)
    {
        var a = CliArgs.Parse(args, options: ["--rows", "--format"], flags: ["--keep"]);
        var rows = a.Int("--rows", 100_000, 1, 1_000_000);
        var format = a.Choice("--format", "csv", "xlsx");
        var keep = a.Has("--keep");

        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var path = Path.Combine(Path.GetTempPath(), $"nastavnik-bench-people-{Guid.NewGuid():N}.{format}");
        var generate = Stopwatch.StartNew();
        var table = Generate(rows, today);
        if (format == "csv") await File.WriteAllTextAsync(path, string.Join("\r\n", table.Select(r => string.Join(';', r))) + "\r\n");
        else WriteXlsx(path, table);
        table = null;
        GC.Collect();
        generate.Stop();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Файл: {rows} обучающихся с родителями, {format}, {new FileInfo(path).Length / 1024.0 / 1024:F1} МБ, создан за {generate.Elapsed.TotalSeconds:F1} с"));

        var (server, name, cs) = await CreateThrowawayDatabaseAsync();
        try
        {
            long organizationId;
            await using (var conn = new NpgsqlConnection(cs))
            {
                await conn.OpenAsync();
                await using var command = new NpgsqlCommand("""
                    with r as (insert into regions (name) values ('Регион для замера') returning id),
                         m as (insert into municipalities (region_id, name, kind) select id, 'Город для замера', 'city_district' from r returning id, region_id)
                    insert into organizations (region_id, municipality_id, name, short_name, type)
                    select region_id, id, 'Школа для замера', 'Школа', 'school' from m returning id
                    """, conn);
                organizationId = (long)(await command.ExecuteScalarAsync())!;
            }

            await using var db = CliDatabase.Open(cs, CliDatabase.Actor);
            var first = await TimeAsync(() => ImportPeopleCommand.ImportAsync(db, path, PersonKind.Pupil, organizationId.ToString(), null, false, TextWriter.Null, Console.Error));
            if (first.Result is not { } added) return 1;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Загрузка ({format}, {rows} строк, полная проверка, COPY BINARY): {first.Seconds:F2} с; added={added.Added} updated={added.Updated} unchanged={added.Unchanged}"));
            var again = await TimeAsync(() => ImportPeopleCommand.ImportAsync(db, path, PersonKind.Pupil, organizationId.ToString(), null, false, TextWriter.Null, Console.Error));
            if (again.Result is not { } same) return 1;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Повторная загрузка того же файла: {again.Seconds:F2} с; added={same.Added} updated={same.Updated} unchanged={same.Unchanged}"));
            var peak = Process.GetCurrentProcess().PeakWorkingSet64;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Пиковая память процесса: {peak / 1024.0 / 1024:F0} МБ (цель ≤ 1024 МБ); время первой загрузки — цель ≤ 20 с: {Verdict(first.Seconds <= 20 && peak <= 1L << 30)}"));
            return 0;
        }
        finally
        {
            File.Delete(path);
            await DropOrKeepAsync(server, name, keep);
        }
    }

    /// <summary>
    /// Header and rows of distinct pupils: the name parts come from the row number in mixed radix, and rows that
    /// share a name lie 60,000 apart and get birth dates 997 days apart, so no two rows are the same person.
    /// </summary>
    public static List<string[]> Generate(int count, DateOnly today)
    {
        var table = new List<string[]>(count + 1) { new[] { "Фамилия", "Имя", "Отчество", "Дата рождения", "Класс", "Пол", "Законный представитель" } };
        var earliest = today.AddYears(-17);
        for (var i = 0; i < count; i++)
        {
            var s = i % MaleSurnames.Length;
            var n = i / MaleSurnames.Length % MaleNames.Length;
            var p = i / (MaleSurnames.Length * MaleNames.Length) % Patronymics.Length;
            var block = i / (MaleSurnames.Length * MaleNames.Length * Patronymics.Length);
            var male = s % 2 == 0;
            var surname = MaleSurnames[s];
            var femaleSurname = surname + "а";
            var birth = earliest.AddDays((int)((block * 997L + i * 7L) % 3650));
            var grade = Math.Clamp(PeopleImport.Age(birth, today) - 6, 1, 11);
            table.Add([
                male ? surname : femaleSurname,
                male ? MaleNames[n] : FemaleNames[n],
                Patronymics[p] + (male ? "ич" : "на"),
                birth.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture),
                $"{grade}{Letters[i % Letters.Length]}",
                male ? "М" : "Ж",
                $"{femaleSurname} {FemaleNames[(n + 7) % FemaleNames.Length]} {Patronymics[(p + 3) % Patronymics.Length]}на (мать)",
            ]);
        }
        return table;
    }

    /// <summary>Streams the rows into a one-sheet workbook of inline strings, so making the file costs little memory.</summary>
    private static void WriteXlsx(string path, List<string[]> table)
    {
        using var document = SpreadsheetDocument.Create(path, SpreadsheetDocumentType.Workbook);
        var workbook = document.AddWorkbookPart();
        var sheet = workbook.AddNewPart<WorksheetPart>();
        using (var writer = OpenXmlWriter.Create(sheet))
        {
            writer.WriteStartElement(new Worksheet());
            writer.WriteStartElement(new SheetData());
            for (var r = 0; r < table.Count; r++)
            {
                writer.WriteStartElement(new Row { RowIndex = (uint)r + 1 });
                for (var c = 0; c < table[r].Length; c++)
                {
                    writer.WriteElement(new Cell
                    {
                        CellReference = $"{(char)('A' + c)}{r + 1}", DataType = CellValues.InlineString,
                        InlineString = new InlineString(new Text(table[r][c])),
                    });
                }
                writer.WriteEndElement();
            }
            writer.WriteEndElement();
            writer.WriteEndElement();
        }
        workbook.Workbook = new Workbook(new Sheets(new Sheet { Id = workbook.GetIdOfPart(sheet), SheetId = 1, Name = "Обучающиеся" }));
    }

    private static async Task<(double Seconds, T Result)> TimeAsync<T>(Func<Task<T>> action)
    {
        var clock = Stopwatch.StartNew();
        var result = await action();
        return (clock.Elapsed.TotalSeconds, result);
    }
}
