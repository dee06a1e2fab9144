using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Nastavnik.Data;
using Nastavnik.Data.Entities;
using Nastavnik.Data.Entities.People;
using Nastavnik.Domain.Access;
using Nastavnik.Domain.People;
using Nastavnik.Domain.Text;
using Nastavnik.Web.Features.Shared;
using Nastavnik.Web.Infrastructure;

namespace Nastavnik.Web.Features.People.Mentees;

/// <summary>«База наставляемых»: one row per mentee per programme, searched by surname prefix, exported in the seeded layout.</summary>
[Access(Role.OrgHead, Role.Curator)]
public class IndexModel(NastavnikDb db, CurrentUser me, TimeProvider clock) : PageModel
{
    public BaseFilter Filter { get; private set; } = new();
    public PagedList<Row> List { get; private set; } = null!;
    public List<SelectListItem> Programs { get; private set; } = [];
    public List<SelectListItem> Topics { get; private set; } = [];

    public async Task OnGetAsync(BaseFilter filter, [FromQuery] int page = 1)
    {
        Filter = filter;
        var scope = await me.GetScopeAsync();
        Programs = await PeopleOptions.ProgramsAsync(db, scope);
        Topics = await PeopleOptions.TopicsAsync(db, scope);
        List = await Sorted(Filtered(scope))
            .Select(m => new Row(m.PersonId, m.Person.LastName, m.Person.FirstName, m.Person.MiddleName, m.Person.ClassName, m.Program.Name,
                m.KeyTopic == null ? "" : m.KeyTopic.Name, m.EntryDate, m.Status))
            .ToPagedAsync(page);
        await db.AuditListAsync(nameof(Person), List.Items.Select(r => r.PersonId).ToList(), FirstRegion(scope), "база наставляемых, просмотр");
    }

    private static long? FirstRegion(Scope scope) => scope.AnyRegionIds.Order().FirstOrDefault() is var r and > 0 ? r : null;

    public async Task<IActionResult> OnGetXlsxAsync(BaseFilter filter)
    {
        Filter = filter;
        var rows = await ExportRowsAsync();
        return File(XlsxWriter.Write("База наставляемых", BaseExport.MenteeColumns, rows), XlsxWriter.ContentType, "База наставляемых.xlsx");
    }

    public async Task<IActionResult> OnGetDocxAsync(BaseFilter filter)
    {
        Filter = filter;
        var rows = await ExportRowsAsync();
        return File(BaseDocument.Write("База наставляемых", BaseExport.MenteeColumns, rows), DocxWriter.ContentType, "База наставляемых.docx");
    }

    /// <summary>The listed rows of people that may be processed (consent given), audited as one export.</summary>
    private async Task<List<IReadOnlyList<string>>> ExportRowsAsync()
    {
        var scope = await me.GetScopeAsync();
        var today = clock.MoscowToday();
        var data = await Sorted(Filtered(scope).Where(m => m.Person.Status == PersonStatus.Active))
            .Select(m => new
            {
                m.Person.LastName, m.Person.FirstName, m.Person.MiddleName, m.Person.RegionId,
                Contact = new BaseExport.Contact(m.Person.Kind, m.Person.BirthDate, m.Person.Phone, m.Person.Email,
                    m.Person.Representatives.OrderBy(r => r.Id).Select(r => r.Representative.Phone).FirstOrDefault(),
                    m.Person.Representatives.OrderBy(r => r.Id).Select(r => r.Representative.Email).FirstOrDefault()),
                m.Person.BirthDate, KeyTopic = m.KeyTopic == null ? "" : m.KeyTopic.Name, m.EntryDate, m.Program.Forms,
                Place = m.Program.Organization.ShortName, m.EndDate, m.Results, m.CaseLink,
                Distribution = m.Person.Consents.Any(c => c.Purpose == ConsentPurpose.Distribution && c.WithdrawnOn == null),
            })
            .ToListAsync();
        var rows = data.Select(d => (IReadOnlyList<string>)
        [
            PeopleTerms.FullName(d.LastName, d.FirstName, d.MiddleName), BaseExport.Contacts(d.Contact, today),
            d.BirthDate is { } b ? BaseExport.Age(b, today).ToString() : "", d.KeyTopic, BaseExport.Date(d.EntryDate), "", "",
            BaseExport.Forms(d.Forms), d.Place, BaseExport.Date(d.EndDate), d.Results, BaseExport.CaseLink(d.CaseLink, d.Distribution),
        ]).ToList();
        var region = data.Select(d => (long?)d.RegionId).FirstOrDefault() ?? scope.Assignments.Select(a => a.RegionId).FirstOrDefault(r => r != null);
        await db.AuditAsync(AuditAction.Export, nameof(MenteeProfile), "", region, $"база наставляемых: {rows.Count} строк");
        return rows;
    }

    private IQueryable<MenteeProfile> Filtered(Scope scope)
    {
        var ids = Filter.People(db.People.InScope(scope).Listed()).Select(p => p.Id);
        var query = db.MenteeProfiles.AsNoTracking().Where(m => ids.Contains(m.PersonId));
        if (Filter.NormalizedClass is { } cls) query = query.Where(m => m.Person.ClassName == cls);
        if (Filter.TopicId is { } t) query = query.Where(m => m.KeyTopicId == t || m.ExtraTopicIds.Contains(t));
        if (Filter.Status is { } s) query = query.Where(m => m.Status == s);
        if (Filter.ProgramId is { } p) query = query.Where(m => m.ProgramId == p);
        return query;
    }

    private IQueryable<MenteeProfile> Sorted(IQueryable<MenteeProfile> query) => Filter.Sort switch
    {
        "class" => query.OrderBy(m => m.Person.Grade).ThenBy(m => m.Person.ClassName).ThenBy(m => m.Person.LastName)
            .ThenBy(m => m.Person.FirstName).ThenBy(m => m.Id),
        "entry" => query.OrderByDescending(m => m.EntryDate).ThenBy(m => m.Person.LastName).ThenBy(m => m.Id),
        _ => query.OrderBy(m => m.Person.LastName).ThenBy(m => m.Person.FirstName).ThenBy(m => m.Person.MiddleName).ThenBy(m => m.Id),
    };

    public sealed record Row(long PersonId, string LastName, string FirstName, string MiddleName, string ClassName, string Program,
        string KeyTopic, DateOnly EntryDate, ParticipationStatus Status)
    {
        public string FullName => PeopleTerms.FullName(LastName, FirstName, MiddleName);
    }
}
