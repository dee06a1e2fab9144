using Microsoft.EntityFrameworkCore;
using Nastavnik.Data.Entities.People;
using Nastavnik.Domain.People;

namespace Nastavnik.IntegrationTests.Infrastructure;

/// <summary>The bases' tables and the EF model agree: every entity round-trips through PostgreSQL.</summary>
[Collection(Collections.Platform)]
public class PeopleSchemaTests(AppFixture app)
{
    [Fact]
    public async Task Save_PeopleGraph_RoundTrips()
    {
        var tree = await app.CreateTreeAsync();
        long pupilId;
        await using (var db = app.Db())
        {
            var program = new MentoringProgram
            {
                RegionId = tree.RegionId, OrganizationId = tree.OrganizationId, Name = "Программа наставничества 2026/2027",
                Family = ModelFamily.Learners, PeriodStart = new DateOnly(2026, 9, 1), PeriodEnd = new DateOnly(2027, 8, 31),
                Forms = ["pupil_pupil"], DeliveryModes = ["traditional"], AccessibilityMeasures = ["ovz"],
            };
            var topic = new Topic { Family = ModelFamily.Learners, Name = "Подготовка к ОГЭ/ЕГЭ", Subject = "математика" };
            var pupil = new Person
            {
                RegionId = tree.RegionId, OrganizationId = tree.OrganizationId, Kind = PersonKind.Pupil, LastName = "Смирнова",
                FirstName = "Дарья", MiddleName = "Андреевна", BirthDate = new DateOnly(2012, 3, 14), Sex = Sex.F, ClassName = "8А", Grade = 8,
                SpecialCategories = ["gifted"],
            };
            var mother = new Person
            {
                RegionId = tree.RegionId, OrganizationId = tree.OrganizationId, Kind = PersonKind.Parent, LastName = "Смирнова",
                FirstName = "Ольга", MiddleName = "Викторовна", Phone = "+7 900 000-00-00",
            };
            pupil.Representatives.Add(new LegalRepresentative { Representative = mother, Relationship = Relationship.Mother });
            pupil.Consents.Add(new Consent
            {
                RegionId = tree.RegionId, OrganizationId = tree.OrganizationId, Purpose = ConsentPurpose.Processing,
                Signer = ConsentSigner.Representative, Representative = mother, Authority = "parent", GivenOn = new DateOnly(2026, 9, 5), FormVersion = "2026-1",
            });
            db.AddRange(program, topic, pupil);
            await db.SaveChangesAsync();
            db.MenteeProfiles.Add(new MenteeProfile
            {
                PersonId = pupil.Id, ProgramId = program.Id, RegionId = tree.RegionId, OrganizationId = tree.OrganizationId,
                KeyTopicId = topic.Id, ExtraTopicIds = [topic.Id], Source = RequestSource.ClassTeacher, EntryDate = new DateOnly(2026, 9, 10),
            });
            db.MentorProfiles.Add(new MentorProfile
            {
                PersonId = mother.Id, ProgramId = program.Id, RegionId = tree.RegionId, OrganizationId = tree.OrganizationId,
                CompetencyTopicIds = [topic.Id], TrainingHours = 2.5m, ScreeningDone = ["interview"], AllowedForms = ["pupil_pupil"],
            });
            db.PersonChanges.Add(new PersonChange { PersonId = pupil.Id, Field = "ClassName", OldValue = "7А", NewValue = "8А" });
            var instrument = new Instrument
            {
                Code = "mentee_entry", Name = "Анкета наставляемого", Family = ModelFamily.Learners, Respondent = InstrumentRespondent.Mentee,
                Moment = InstrumentMoment.Entry, Items = [new InstrumentItem { Position = 1, Kind = InstrumentItemKind.Scale, Text = "Насколько…", Options = [] }],
            };
            db.Instruments.Add(instrument);
            await db.SaveChangesAsync();
            db.Responses.Add(new Response
            {
                InstrumentId = instrument.Id, PersonId = pupil.Id, RegionId = tree.RegionId, OrganizationId = tree.OrganizationId,
                Answers = [new ResponseAnswer { ItemId = instrument.Items[0].Id, Value = "8" }],
            });
            db.DestructionActs.Add(new DestructionAct { PersonId = mother.Id, RegionId = tree.RegionId, OrganizationId = tree.OrganizationId, Fields = "—", Basis = "тест" });
            await db.SaveChangesAsync();
            pupilId = pupil.Id;
        }

        await using var check = app.Db();
        var loaded = await check.People.Include(p => p.Consents).Include(p => p.Representatives).ThenInclude(r => r.Representative)
            .SingleAsync(p => p.Id == pupilId);
        Assert.Equal("Смирнова Дарья Андреевна", loaded.FullName);
        Assert.Equal(PersonStatus.AwaitingConsent, loaded.Status);
        Assert.Equal(["gifted"], loaded.SpecialCategories);
        Assert.Equal(Sex.F, loaded.Sex);
        Assert.Equal("Ольга", Assert.Single(loaded.Representatives).Representative.FirstName);
        Assert.NotNull(Assert.Single(loaded.Consents).RepresentativeId);
        var mentee = await check.MenteeProfiles.SingleAsync(m => m.PersonId == pupilId);
        Assert.Single(mentee.ExtraTopicIds);
        Assert.Equal(RequestSource.ClassTeacher, mentee.Source);
        Assert.Equal(2.5m, (await check.MentorProfiles.SingleAsync(m => m.ProgramId == mentee.ProgramId)).TrainingHours);
        Assert.Equal("8", (await check.Responses.Include(r => r.Answers).SingleAsync(r => r.PersonId == pupilId)).Answers[0].Value);
    }
}
