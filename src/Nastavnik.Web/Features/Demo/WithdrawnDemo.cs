using Microsoft.EntityFrameworkCore;
using Nastavnik.Data;
using Nastavnik.Data.Entities.People;
using Nastavnik.Domain.People;
using Nastavnik.Domain.Text;

namespace Nastavnik.Web.Features.Demo;

/// <summary>
/// Two pupils of МБОУ: Романовская СОШ in the states a new user should see once: one whose mother withdrew the
/// processing consent two days ago (blocked, in no pair, destroyed by the nightly job 30 days later), and one whose
/// data was destroyed after a withdrawal, with its act. Their state is set directly on the rows, not through the
/// withdrawal and destruction flows. Idempotent: a school that already has a blocked or destroyed person is left alone.
/// Runs after <see cref="PairsDemo"/>, which pairs only active people.
/// </summary>
public static class WithdrawnDemo
{
    public static async Task LoadAsync(NastavnikDb db, TextWriter log)
    {
        var school = await db.Organizations.Where(o => o.ShortName == PeopleDemo.LinkedSchool).FirstOrDefaultAsync();
        if (school is null) return;
        if (await db.People.AnyAsync(p => p.OrganizationId == school.Id && (p.Status == PersonStatus.Blocked || p.Status == PersonStatus.Destroyed)))
        {
            log.WriteLine("Demo withdrawn and destroyed people already loaded.");
            return;
        }
        // The demo is loaded now and then looked at: the withdrawal is recent, so the blocked state lasts the 30 days.
        var now = DateTimeOffset.UtcNow;
        var today = MoscowTime.DateOf(now);

        var withdrawnOn = today.AddDays(-2);
        var mother = new Person
        {
            RegionId = school.RegionId, OrganizationId = school.Id, Kind = PersonKind.Parent, Sex = Sex.F,
            LastName = "Белова", FirstName = "Ольга", MiddleName = "Игоревна", BirthDate = new DateOnly(1986, 4, 17),
            Phone = "+7 928 415-20-37", Status = PersonStatus.AwaitingConsent,
        };
        var pupil = new Person
        {
            RegionId = school.RegionId, OrganizationId = school.Id, Kind = PersonKind.Pupil, Sex = Sex.F,
            LastName = "Белова", FirstName = "Ксения", MiddleName = "Андреевна", BirthDate = new DateOnly(2015, 2, 9),
            ClassName = "6Б", Grade = 6, Status = PersonStatus.Blocked, BlockedAt = now.AddDays(-2),
        };
        pupil.Representatives.Add(new LegalRepresentative { Representative = mother, Relationship = Relationship.Mother });
        pupil.Consents.Add(new Consent
        {
            RegionId = school.RegionId, OrganizationId = school.Id, Purpose = ConsentPurpose.Processing,
            Signer = ConsentSigner.Representative, Representative = mother, Authority = "parent", GivenOn = new DateOnly(2026, 9, 3),
            FormVersion = "2026-1", DocumentNumber = "ПД-4821", WithdrawnOn = withdrawnOn,
        });
        db.People.AddRange(mother, pupil);

        // What the destruction job leaves of a person (DestructionService.Erase): the row for counts, no personal data.
        var withdrawnEarlier = today.AddDays(-45);
        var destroyed = new Person
        {
            RegionId = school.RegionId, OrganizationId = school.Id, Kind = PersonKind.Pupil,
            LastName = "Удалено", FirstName = "Удалено", Status = PersonStatus.Destroyed, BlockedAt = now.AddDays(-45),
        };
        destroyed.Consents.Add(new Consent
        {
            RegionId = school.RegionId, OrganizationId = school.Id, Purpose = ConsentPurpose.Processing,
            Signer = ConsentSigner.Self, GivenOn = new DateOnly(2026, 9, 2), FormVersion = "2026-1", WithdrawnOn = withdrawnEarlier,
        });
        db.People.Add(destroyed);
        await db.SaveChangesAsync();

        db.DestructionActs.Add(new DestructionAct
        {
            PersonId = destroyed.Id, RegionId = school.RegionId, OrganizationId = school.Id, DestroyedAt = now.AddDays(-15),
            Fields = "фамилия, имя, отчество; дата рождения; пол; класс; сканы и номера документов согласий; тексты запросов и анкет",
            Basis = $"Отзыв согласия от {withdrawnEarlier:dd.MM.yyyy}",
        });
        await db.SaveChangesAsync();
        db.ChangeTracker.Clear();
        log.WriteLine($"Demo withdrawn person (blocked) and destroyed person (act) loaded in {PeopleDemo.LinkedSchool}.");
    }
}
