using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Nastavnik.Data;
using Nastavnik.Data.Entities;
using Nastavnik.Data.Entities.People;
using Nastavnik.Domain.Access;
using Nastavnik.Domain.People;
using Nastavnik.Web.Infrastructure;

namespace Nastavnik.Web.Features.People;

/// <summary>A person's card: own data, representatives, profiles, consents summary and the history of changes. Audited read.</summary>
[Access(Role.OrgHead, Role.Curator, Entity = ScopedEntity.Person)]
public class CardModel(NastavnikDb db, CurrentUser me) : PageModel
{
    public Person Person { get; private set; } = null!;
    public string Organization { get; private set; } = "";
    public string Partner { get; private set; } = "";
    public bool IsCurator { get; private set; }
    public List<RepresentativeRow> Representatives { get; private set; } = [];
    public List<MenteeRow> MenteeProfiles { get; private set; } = [];
    public List<MentorRow> MentorProfiles { get; private set; } = [];
    public List<ConsentRow> Consents { get; private set; } = [];
    public List<PersonChange> History { get; private set; } = [];
    public Dictionary<long, string> Topics { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(long id)
    {
        var scope = await me.GetScopeAsync();
        var person = await db.People.AsNoTracking().InScope(scope).Listed().SingleOrDefaultAsync(p => p.Id == id);
        if (person is null) return NotFound();
        Person = person;
        IsCurator = scope.OrganizationIdsFor(Role.Curator).Contains(person.OrganizationId);
        Organization = await db.Organizations.Where(o => o.Id == person.OrganizationId).Select(o => o.ShortName).SingleAsync();
        Partner = person.PartnerId is { } partnerId ? await db.Partners.Where(p => p.Id == partnerId).Select(p => p.Name).SingleOrDefaultAsync() ?? "" : "";
        Representatives = await db.LegalRepresentatives.AsNoTracking().Where(r => r.ChildId == id)
            .OrderBy(r => r.Id)
            .Select(r => new RepresentativeRow(r.Representative.LastName, r.Representative.FirstName, r.Representative.MiddleName,
                r.Relationship, r.Representative.Phone, r.Representative.Email))
            .ToListAsync();
        MenteeProfiles = await db.MenteeProfiles.AsNoTracking().Where(m => m.PersonId == id).OrderBy(m => m.Id)
            .Select(m => new MenteeRow(m.ProgramId, m.Program.Name, m.KeyTopicId, m.ExtraTopicIds, m.RequestText, m.Source, m.EntryDate, m.Status))
            .ToListAsync();
        MentorProfiles = await db.MentorProfiles.AsNoTracking().Where(m => m.PersonId == id).OrderBy(m => m.Id)
            .Select(m => new MentorRow(m.ProgramId, m.Program.Name, m.CompetencyTopicIds, m.Capacity, m.Status, m.TrainingCompletedOn))
            .ToListAsync();
        Consents = await db.Consents.AsNoTracking().Where(c => c.PersonId == id).OrderBy(c => c.GivenOn).ThenBy(c => c.Id)
            .Select(c => new ConsentRow(c.Purpose, c.Signer, c.GivenOn, c.WithdrawnOn)).ToListAsync();
        var history = db.PersonChanges.AsNoTracking().Where(c => c.PersonId == id);
        if (!IsCurator) history = history.Where(c => c.Field != PersonHistory.SpecialCategoriesField);
        History = await history.OrderByDescending(c => c.At).ThenByDescending(c => c.Id).Take(200).ToListAsync();
        var topicIds = MenteeProfiles.SelectMany(m => m.ExtraTopicIds.Append(m.KeyTopicId ?? 0)).Concat(MentorProfiles.SelectMany(m => m.CompetencyTopicIds)).Distinct().ToArray();
        Topics = await db.Topics.Where(t => topicIds.Contains(t.Id)).ToDictionaryAsync(t => t.Id, t => t.Name);
        await db.AuditAsync(AuditAction.Read, nameof(Person), id.ToString(), person.RegionId);
        return Page();
    }

    public string TopicName(long? id) => id is { } i && Topics.TryGetValue(i, out var name) ? name : "";

    public sealed record RepresentativeRow(string LastName, string FirstName, string MiddleName, Relationship Relationship, string Phone, string Email);
    public sealed record MenteeRow(long ProgramId, string Program, long? KeyTopicId, long[] ExtraTopicIds, string RequestText, RequestSource Source,
        DateOnly EntryDate, ParticipationStatus Status);
    public sealed record MentorRow(long ProgramId, string Program, long[] CompetencyTopicIds, int Capacity, ParticipationStatus Status, DateOnly? TrainingCompletedOn);
    public sealed record ConsentRow(ConsentPurpose Purpose, ConsentSigner Signer, DateOnly GivenOn, DateOnly? WithdrawnOn);
}
