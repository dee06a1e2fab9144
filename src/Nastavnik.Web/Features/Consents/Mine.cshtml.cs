using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Nastavnik.Data;
using Nastavnik.Data.Entities;
using Nastavnik.Data.Entities.People;
using Nastavnik.Domain.Access;
using Nastavnik.Domain.People;
using Nastavnik.Domain.Text;
using Nastavnik.Web.Features.Pairs;
using Nastavnik.Web.Infrastructure;

namespace Nastavnik.Web.Features.Consents;

/// <summary>
/// «Мои согласия»: a mentor, mentee or parent sees the consents kept for themselves (a parent: also for the children
/// they represent) and whether their data may be processed; read-only — a withdrawal is handed to the curator in
/// writing (152-ФЗ), who records it on the person's consents page. Each view is audited as a read of personal data.
/// </summary>
[Access(Role.Mentor, Role.Mentee, Role.LegalRepresentative)]
public class MineModel(NastavnikDb db, CurrentUser me, TimeProvider clock) : PageModel
{
    public string? Explanation { get; private set; }
    public List<PersonConsents> People { get; private set; } = [];

    public async Task OnGetAsync()
    {
        var access = await PairAccess.ForAsync(db, me);
        if (access.PersonId is null)
        {
            Explanation = "Ваша учётная запись не связана с карточкой участника программы наставничества. Обратитесь к куратору программы вашей организации.";
            return;
        }
        var ids = access.People.ToList();
        var today = clock.MoscowToday();
        var people = await db.People.AsNoTracking().Where(p => ids.Contains(p.Id))
            .Select(p => new { p.Id, p.RegionId, p.LastName, p.FirstName, p.MiddleName, p.Kind, p.BirthDate })
            .ToListAsync();
        var consents = await db.Consents.AsNoTracking().Where(c => ids.Contains(c.PersonId))
            .OrderByDescending(c => c.GivenOn).ThenByDescending(c => c.Id)
            .Select(c => new
            {
                c.PersonId, c.Purpose, c.Signer, c.GivenOn, c.WithdrawnOn, c.DocumentNumber, c.DistributionScope,
                RepresentativeLast = c.Representative == null ? "" : c.Representative.LastName,
                RepresentativeFirst = c.Representative == null ? "" : c.Representative.FirstName,
                RepresentativeMiddle = c.Representative == null ? "" : c.Representative.MiddleName,
            })
            .ToListAsync();
        // The user first, then the children by name.
        foreach (var p in people.OrderBy(p => p.Id == access.PersonId ? 0 : 1).ThenBy(p => p.LastName).ThenBy(p => p.FirstName))
        {
            var own = consents.Where(c => c.PersonId == p.Id).ToList();
            var check = ConsentRules.Processing(p.BirthDate, p.Kind, own.Select(c => new ConsentFact(c.Purpose, c.Signer, c.GivenOn, c.WithdrawnOn)), today);
            People.Add(new PersonConsents(
                PeopleTerms.FullName(p.LastName, p.FirstName, p.MiddleName), p.Id == access.PersonId, check,
                own.Select(c => new ConsentRow(c.Purpose.Title(), c.Signer == ConsentSigner.Self ? "сам участник"
                        : $"законный представитель {PeopleTerms.FullName(c.RepresentativeLast, c.RepresentativeFirst, c.RepresentativeMiddle)}".TrimEnd(),
                    c.GivenOn, c.WithdrawnOn, c.DocumentNumber, c.DistributionScope, c.WithdrawnOn is { } w && w <= today)).ToList()));
            await db.AuditAsync(AuditAction.Read, nameof(Person), p.Id.ToString(), p.RegionId, "согласия: просмотр участником");
        }
    }

    public sealed record PersonConsents(string Name, bool IsSelf, ConsentCheck Processing, List<ConsentRow> Consents);

    public sealed record ConsentRow(string Purpose, string Signer, DateOnly GivenOn, DateOnly? WithdrawnOn, string DocumentNumber,
        string DistributionScope, bool Withdrawn);
}
