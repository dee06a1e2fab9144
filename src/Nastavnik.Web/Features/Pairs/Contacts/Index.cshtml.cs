using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Nastavnik.Data;
using Nastavnik.Data.Entities;
using Nastavnik.Data.Entities.Pairs;
using Nastavnik.Domain.Access;
using Nastavnik.Domain.Pairs;
using Nastavnik.Domain.Text;
using Nastavnik.Web.Features.Pairs.Watch;
using Nastavnik.Web.Infrastructure;

namespace Nastavnik.Web.Features.Pairs.Contacts;

/// <summary>
/// The curator's contact log of one pair or group, with the cadence status of each side (DOMAIN.md §4) computed in
/// PostgreSQL, and the form to record a contact. A group contact is recorded once for every side present.
/// </summary>
[Access(Role.OrgHead, Role.Curator, Entity = ScopedEntity.MentoringGroup)]
public class IndexModel(NastavnikDb db, CurrentUser me, TimeProvider clock) : PageModel
{
    public PairHeader Pair { get; private set; } = null!;
    public IReadOnlyList<CadenceRow> Cadence { get; private set; } = [];
    public IReadOnlyList<ContactRow> Contacts { get; private set; } = [];
    [BindProperty] public ContactForm Form { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(long id)
    {
        if (!await LoadAsync(id)) return NotFound();
        Form.ContactedOn = Today();
        await db.AuditAsync(AuditAction.Read, nameof(MentoringGroup), id.ToString(), Pair.RegionId, "журнал контактов куратора");
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(long id)
    {
        if (!await LoadAsync(id)) return NotFound();
        var today = Today();
        if (Pair.Status == GroupStatus.Closed)
        {
            ModelState.AddModelError("", "Пара завершена: контакты с ней больше не записываются");
        }
        if (Form.ContactedOn is { } on && on > today)
        {
            ModelState.AddModelError("Form.ContactedOn", "Дата контакта не может быть в будущем");
        }
        if (Form.ContactedOn is { } on2 && on2 < Pair.StartDate)
        {
            ModelState.AddModelError("Form.ContactedOn", $"Дата контакта раньше начала работы пары ({Pair.StartDate:dd.MM.yyyy})");
        }
        if (Form.With.Count == 0)
        {
            ModelState.AddModelError("Form.With", "Отметьте, с кем был контакт");
        }
        if (!ModelState.IsValid) return Page();

        var userId = me.Id;
        foreach (var with in Form.With.Distinct())
        {
            db.ContactLogs.Add(new ContactLog
            {
                GroupId = id, RegionId = Pair.RegionId, OrganizationId = Pair.OrganizationId, ContactedOn = Form.ContactedOn!.Value,
                DurationMinutes = Form.DurationMinutes, Channel = Form.Channel!.Value, WithRole = with, Nature = Form.Nature!.Value,
                Note = Form.Note?.Trim() ?? "", UserId = userId,
            });
        }
        await db.SaveChangesAsync();
        TempData["Message"] = "Контакт записан";
        return RedirectToPage(new { id });
    }

    private DateOnly Today() => clock.MoscowToday();

    private async Task<bool> LoadAsync(long id)
    {
        var scope = await me.GetScopeAsync();
        var pair = await db.MentoringGroups.AsNoTracking().InScope(scope).Where(g => g.Id == id)
            .Select(g => new PairHeader(g.Id, g.RegionId, g.OrganizationId, g.Organization.ShortName, g.StartDate, g.Status, g.ClosedOn,
                // A member who withdrew consent is not named on the contact log.
                g.Members.Where(m => m.Role == MemberRole.Mentor && db.People.Processable().Any(p => p.Id == m.PersonId))
                    .Select(m => m.Person.LastName + " " + m.Person.FirstName + " " + m.Person.MiddleName).ToList(),
                g.Members.Where(m => m.Role == MemberRole.Mentee && db.People.Processable().Any(p => p.Id == m.PersonId))
                    .Select(m => m.Person.LastName + " " + m.Person.FirstName + " " + m.Person.MiddleName).ToList()))
            .SingleOrDefaultAsync();
        if (pair is null) return false;
        Pair = pair;
        Cadence = await WatchQuery.Cadence(db, [id], Today()).OrderBy(r => r.Side).ToListAsync();
        Contacts = await db.ContactLogs.AsNoTracking().Where(c => c.GroupId == id)
            .OrderByDescending(c => c.ContactedOn).ThenByDescending(c => c.Id)
            .Select(c => new ContactRow(c.ContactedOn, c.DurationMinutes, c.Channel, c.WithRole, c.Nature, c.Note,
                db.Users.Where(u => u.Id == c.UserId).Select(u => u.FullName).FirstOrDefault() ?? ""))
            .ToListAsync();
        return true;
    }

    public sealed record PairHeader(long Id, long RegionId, long OrganizationId, string Organization, DateOnly StartDate, GroupStatus Status,
        DateOnly? ClosedOn, List<string> Mentors, List<string> Mentees);

    public sealed record ContactRow(DateOnly On, int? DurationMinutes, ContactChannel Channel, ContactWith With, ContactNature Nature,
        string Note, string Curator);

    public sealed class ContactForm
    {
        [Required(ErrorMessage = "Укажите дату контакта")]
        public DateOnly? ContactedOn { get; set; }

        [Range(1, 600, ErrorMessage = "Длительность — от 1 до 600 минут")]
        public int? DurationMinutes { get; set; }

        [Required(ErrorMessage = "Выберите способ контакта")]
        public ContactChannel? Channel { get; set; }

        public List<ContactWith> With { get; set; } = [];

        [Required(ErrorMessage = "Выберите характер контакта")]
        public ContactNature? Nature { get; set; }

        [StringLength(2000, ErrorMessage = "Заметка — не длиннее 2000 символов")]
        public string? Note { get; set; }
    }
}
