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

namespace Nastavnik.Web.Features.People.Mentors;

/// <summary>«База наставников»: one row per mentor per programme, searched by surname prefix, exported in the seeded layout.</summary>
[Access(Role.OrgHead, Role.Curator)]
public class IndexModel(NastavnikDb db, CurrentUser me, TimeProvider clock) : PageModel
{
    public BaseFilter Filter { get; private set; } = new();
    public PagedList<Row> List { get; private set; } = null!;
    public List<SelectListItem> Programs { get; private set; } = [];
    public List<SelectListItem> Topics { get; private set; } = [];
    public Dictionary<long, string> TopicNames { get; private set; } = [];

    public async Task OnGetAsync(BaseFilter filter, [FromQuery] int page = 1)
    {
        Filter = filter;
        var scope = await me.GetScopeAsync();
        Programs = await PeopleOptions.ProgramsAsync(db, scope);
        Topics = await PeopleOptions.TopicsAsync(db, scope);
        TopicNames = Topics.ToDictionary(t => long.Parse(t.Value), t => t.Text);
        List = await Sorted(Filtered(scope))
            .Select(m => new Row(m.PersonId, m.Person.LastName, m.Person.FirstName, m.Person.MiddleName, m.Person.Kind, m.Person.ClassName,
                m.Person.Position, m.Program.Name, m.CompetencyTopicIds, m.Capacity, m.Status))
            .ToPagedAsync(page);
        await db.AuditListAsync(nameof(Person), List.Items.Select(r => r.PersonId).ToList(), FirstRegion(scope), "база наставников, просмотр");
    }

    private static long? FirstRegion(Scope scope) => scope.AnyRegionIds.Order().FirstOrDefault() is var r and > 0 ? r : null;

    public async Task<IActionResult> OnGetXlsxAsync(BaseFilter filter)
    {
        Filter = filter;
        var rows = await ExportRowsAsync();
        return File(XlsxWriter.Write("База наставников", BaseExport.MentorColumns, rows), XlsxWriter.ContentType, "База наставников.xlsx");
    }

    public async Task<IActionResult> OnGetDocxAsync(BaseFilter filter)
    {
        Filter = filter;
        var rows = await ExportRowsAsync();
        return File(BaseDocument.Write("База наставников", BaseExport.MentorColumns, rows), DocxWriter.ContentType, "База наставников.docx");
    }

    private async Task<List<IReadOnlyList<string>>> ExportRowsAsync()
    {
        var scope = await me.GetScopeAsync();
        var today = clock.MoscowToday();
        var data = await Sorted(Filtered(scope).Where(m => m.Person.Status == PersonStatus.Active))
            .Select(m => new
            {
                m.Person.LastName, m.Person.FirstName, m.Person.MiddleName, m.Person.RegionId, m.Person.Kind, m.Person.College,
                Partner = db.Partners.Where(p => p.Id == m.Person.PartnerId).Select(p => p.Name).FirstOrDefault(),
                Contact = new BaseExport.Contact(m.Person.Kind, m.Person.BirthDate, m.Person.Phone, m.Person.Email,
                    m.Person.Representatives.OrderBy(r => r.Id).Select(r => r.Representative.Phone).FirstOrDefault(),
                    m.Person.Representatives.OrderBy(r => r.Id).Select(r => r.Representative.Email).FirstOrDefault()),
                Organization = m.Program.Organization.ShortName, m.CompetencyTopicIds, m.Achievements, m.Interests, m.DesiredAgeMin,
                m.DesiredAgeMax, m.Availability, m.HoursPerMonth, m.AllowedForms, ProgramForms = m.Program.Forms, m.Program.PeriodStart,
                m.Program.PeriodEnd, m.Results, m.CaseLink,
                Distribution = m.Person.Consents.Any(c => c.Purpose == ConsentPurpose.Distribution && c.WithdrawnOn == null),
            })
            .ToListAsync();
        var topicIds = data.SelectMany(d => d.CompetencyTopicIds).Distinct().ToArray();
        var topics = await db.Topics.Where(t => topicIds.Contains(t.Id)).ToDictionaryAsync(t => t.Id, t => t.Name);
        var rows = data.Select(d => (IReadOnlyList<string>)
        [
            PeopleTerms.FullName(d.LastName, d.FirstName, d.MiddleName), BaseExport.Contacts(d.Contact, today),
            d.Kind switch { PersonKind.Student => d.College, PersonKind.EmployerStaff => d.Partner ?? "", _ => d.Organization },
            string.Join(", ", d.CompetencyTopicIds.Select(t => topics.GetValueOrDefault(t, ""))), d.Achievements, d.Interests,
            d.DesiredAgeMin is null && d.DesiredAgeMax is null ? "" : $"{d.DesiredAgeMin}–{d.DesiredAgeMax}".Trim('–'),
            d.Availability, d.HoursPerMonth is { } h ? $"{h} ч в месяц" : "", "", "",
            BaseExport.Forms(d.AllowedForms.Count > 0 ? d.AllowedForms : d.ProgramForms), d.Organization,
            $"{BaseExport.Date(d.PeriodStart)} – {BaseExport.Date(d.PeriodEnd)}", d.Results, BaseExport.CaseLink(d.CaseLink, d.Distribution),
        ]).ToList();
        var region = data.Select(d => (long?)d.RegionId).FirstOrDefault() ?? scope.Assignments.Select(a => a.RegionId).FirstOrDefault(r => r != null);
        await db.AuditAsync(AuditAction.Export, nameof(MentorProfile), "", region, $"база наставников: {rows.Count} строк");
        return rows;
    }

    private IQueryable<MentorProfile> Filtered(Scope scope)
    {
        var ids = Filter.People(db.People.InScope(scope).Listed()).Select(p => p.Id);
        var query = db.MentorProfiles.AsNoTracking().Where(m => ids.Contains(m.PersonId));
        if (Filter.NormalizedClass is { } cls) query = query.Where(m => m.Person.ClassName == cls);
        if (Filter.TopicId is { } t) query = query.Where(m => m.CompetencyTopicIds.Contains(t));
        if (Filter.Status is { } s) query = query.Where(m => m.Status == s);
        if (Filter.Eligible)
        {
            // The SQL form of MentorEligibility (kept equal to it by MentorEligibilityTests and the base test).
            var minHours = MentorEligibility.MinTrainingHours;
            query = query.Where(m => m.Person.Status == PersonStatus.Active && m.ScreeningDone.Contains(MentorEligibility.Interview)
                && m.TrainingCompletedOn != null && m.TrainingHours >= minHours
                && (m.Status == ParticipationStatus.Admitted || m.Status == ParticipationStatus.InPair));
        }
        if (Filter.ProgramId is { } p) query = query.Where(m => m.ProgramId == p);
        return query;
    }

    private IQueryable<MentorProfile> Sorted(IQueryable<MentorProfile> query) => Filter.Sort switch
    {
        "class" => query.OrderBy(m => m.Person.Grade).ThenBy(m => m.Person.ClassName).ThenBy(m => m.Person.LastName)
            .ThenBy(m => m.Person.FirstName).ThenBy(m => m.Id),
        "entry" => query.OrderByDescending(m => m.CreatedAt).ThenBy(m => m.Person.LastName).ThenBy(m => m.Id),
        _ => query.OrderBy(m => m.Person.LastName).ThenBy(m => m.Person.FirstName).ThenBy(m => m.Person.MiddleName).ThenBy(m => m.Id),
    };

    public sealed record Row(long PersonId, string LastName, string FirstName, string MiddleName, PersonKind Kind, string ClassName,
        string Position, string Program, long[] CompetencyTopicIds, int Capacity, ParticipationStatus Status)
    {
        public string FullName => PeopleTerms.FullName(LastName, FirstName, MiddleName);
    }
}
