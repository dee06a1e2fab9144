using Microsoft.EntityFrameworkCore;
using Nastavnik.Data;
using Nastavnik.Domain.Access;
using Nastavnik.Domain.Roadmaps;

namespace Nastavnik.Web.Features.Roadmaps;

/// <summary>A roadmap as its exported document shows it: the order it is attached to, the title, and the table rows.</summary>
public sealed record ExportRoadmap(long Id, long RegionId, string Title, string Basis, string OrderNumber, DateOnly? OrderDate,
    RoadmapStatus Status, IReadOnlyList<ExportRoadmap.Section> Sections, IReadOnlyList<ExportRoadmap.Item> Items)
{
    public static readonly IReadOnlyList<string> Columns =
        ["№ п/п", "Наименование мероприятия", "Срок", "Ответственный", "Результат / вид документа"];

    public sealed record Section(long Id, int Position, string Number, string Title);

    public sealed record Item(long? SectionId, int Position, string Number, string Title, string Deadline, string Responsible, string Result);

    /// <summary>A table row: a section heading (merged across the table) or an item.</summary>
    public sealed record Row(Section? Heading, Item? Item);

    /// <summary>The roadmap when the user's scope reaches it; null otherwise (→ 404).</summary>
    public static async Task<ExportRoadmap?> LoadAsync(NastavnikDb db, Scope scope, long id, CancellationToken ct = default)
    {
        var roadmap = await db.Roadmaps.AsNoTracking().InScope(scope).Where(r => r.Id == id)
            .Select(r => new { r.Id, r.RegionId, r.Title, r.Basis, r.OrderNumber, r.OrderDate, r.Status })
            .SingleOrDefaultAsync(ct);
        if (roadmap is null) return null;
        var sections = await db.RoadmapSections.AsNoTracking().Where(s => s.RoadmapId == id)
            .OrderBy(s => s.Position).ThenBy(s => s.Id)
            .Select(s => new Section(s.Id, s.Position, s.Number, s.Title))
            .ToListAsync(ct);
        var items = await db.RoadmapItems.AsNoTracking().Where(i => i.RoadmapId == id)
            .OrderBy(i => i.Position).ThenBy(i => i.Id)
            .Select(i => new
            {
                i.SectionId, i.Position, i.Number, i.Title, i.DeadlineText, i.StartText, i.EndText, i.Responsible,
                i.ResponsibleRegional, i.ResponsibleMunicipal, i.ResponsibleOrganization, i.Result,
            })
            .ToListAsync(ct);
        return new ExportRoadmap(roadmap.Id, roadmap.RegionId, roadmap.Title, roadmap.Basis, roadmap.OrderNumber, roadmap.OrderDate,
            roadmap.Status, sections,
            items.Select(i => new Item(i.SectionId, i.Position, i.Number, i.Title, Deadline(i.DeadlineText, i.StartText, i.EndText),
                Responsible(i.Responsible, i.ResponsibleRegional, i.ResponsibleMunicipal, i.ResponsibleOrganization), i.Result)).ToList());
    }

    /// <summary>
    /// Sections and items in document order: each section heading right before its first item (a section without
    /// items in its own place), items outside any section where they stand.
    /// </summary>
    public IEnumerable<Row> Rows()
    {
        var pending = new Queue<Section>(Sections);
        var byId = Sections.ToDictionary(s => s.Id);
        foreach (var item in Items)
        {
            if (item.SectionId is { } sectionId && byId.TryGetValue(sectionId, out var own) && pending.Contains(own))
            {
                while (pending.Count > 0)
                {
                    var next = pending.Dequeue();
                    yield return new Row(next, null);
                    if (next == own) break;
                }
            }
            yield return new Row(null, item);
        }
        while (pending.Count > 0) yield return new Row(pending.Dequeue(), null);
    }

    /// <summary>
    /// The top-right lines «Приложение / к приказу … от … № …», from the basis as written in the document, else from
    /// the order's number and date, else a blank to fill in by hand.
    /// </summary>
    public IReadOnlyList<string> AppendixLines()
    {
        var basis = string.Join(' ', Basis.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        const string appendix = "Приложение";
        if (basis.StartsWith(appendix, StringComparison.OrdinalIgnoreCase))
        {
            var rest = basis[appendix.Length..].Trim();
            // «Приложение № 1 к приказу …»: the appendix number stays on the first line.
            var to = System.Text.RegularExpressions.Regex.Match(rest, @"(?<!\w)к\s", System.Text.RegularExpressions.RegexOptions.IgnoreCase).Index;
            return to > 0 ? [$"{appendix} {rest[..to].Trim()}", rest[to..]] : rest.Length > 0 ? [appendix, rest] : [appendix, OrderLine("")];
        }
        if (basis.StartsWith("приказ", StringComparison.OrdinalIgnoreCase))
        {
            // «Приказ Отдела образования … от 30.09.2020 № 310» → «к приказу Отдела образования … от 30.09.2020 № 310».
            var afterWord = basis.IndexOf(' ') is var space and > 0 ? basis[space..] : "";
            return [appendix, OrderLine(afterWord.Trim())];
        }
        return [appendix, OrderLine(basis)];
    }

    private string OrderLine(string issuer)
    {
        var line = "к приказу" + (issuer.Length > 0 ? " " + issuer : "");
        var hasDate = issuer.Contains(" от ", StringComparison.OrdinalIgnoreCase);
        var hasNumber = issuer.Contains('№');
        if (!hasDate) line += OrderDate is { } d ? $" от {d:dd.MM.yyyy}" : " от «___» __________ 20___ г.";
        if (!hasNumber) line += OrderNumber.Trim().Length > 0 ? $" № {OrderNumber.Trim()}" : " № _____";
        return line;
    }

    private static string Deadline(string text, string start, string end)
    {
        if (text.Trim().Length > 0) return text.Trim();
        return string.Join(" – ", new[] { start.Trim(), end.Trim() }.Where(t => t.Length > 0));
    }

    /// <summary>One text, or the three levels of the regional table («-» there means no party at that level).</summary>
    private static string Responsible(string text, string? regional, string? municipal, string? organization)
    {
        var levels = new[] { ("Региональный уровень", regional), ("Муниципальный уровень", municipal), ("Образовательные организации", organization) }
            .Where(l => !string.IsNullOrWhiteSpace(l.Item2) && l.Item2.Trim() is not ("-" or "–" or "—"))
            .Select(l => $"{l.Item1}: {l.Item2!.Trim()}")
            .ToList();
        return levels.Count > 0 ? string.Join("\n", levels) : text.Trim();
    }
}
