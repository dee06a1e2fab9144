using Microsoft.EntityFrameworkCore;
using Nastavnik.Data.Entities.Matching;
using Nastavnik.Data.Entities.Pairs;
using Nastavnik.Data.Entities.People;
using Nastavnik.Domain.Access;
using Nastavnik.Domain.Matching;
using Nastavnik.Domain.Pairs;
using Nastavnik.Domain.People;
using Nastavnik.IntegrationTests.Infrastructure;

namespace Nastavnik.IntegrationTests.Matching.Choice;

/// <summary>
/// A school with a choice run in draft: mentors and mentees of one programme, and the shortlists the worker would
/// have written (every mentee is offered every mentor, ranked in order), all with unique surnames.
/// </summary>
public sealed class ChoiceData(AppFixture app)
{
    public const string Breakdown =
        """[{"code":"topics","title":"Запросы и компетенции","points":400,"detail":"Проектная деятельность"},{"code":"availability","title":"Время встреч","points":150,"detail":"вт, чт"},{"code":"age","title":"Возраст","points":0,"detail":""}]""";

    public sealed record World(AppFixture.Tree Tree, long ProgramId, long RunId, List<Member> Mentors, List<Member> Mentees);

    /// <summary>A person with their profile; <see cref="Login"/> is set when they were given a linked login.</summary>
    public sealed record Member(long PersonId, long ProfileId, string LastName, string? Login);

    public async Task<World> CreateAsync(int mentors = 2, int mentees = 1, int capacity = 3, bool mentorLogins = true, AppFixture.Tree? tree = null,
        MatchMode mode = MatchMode.Choice)
    {
        tree ??= await app.CreateTreeAsync();
        await using var db = app.Db();
        var topic = await db.Topics.Where(t => t.RegionId == null && t.Family == ModelFamily.Learners && t.Name == "Проектная деятельность")
            .OrderBy(t => t.Id).Select(t => t.Id).FirstAsync();
        var program = await app.InsertAsync(new MentoringProgram
        {
            RegionId = tree.RegionId, OrganizationId = tree.OrganizationId, Name = AppFixture.Unique("Программа выбора"), Family = ModelFamily.Learners,
            PeriodStart = new DateOnly(2026, 9, 1), PeriodEnd = new DateOnly(2027, 8, 31),
        });
        var run = await app.InsertAsync(new MatchRun
        {
            RegionId = tree.RegionId, OrganizationId = tree.OrganizationId, ProgramId = program.Id, Form = "pupil_pupil", Mode = mode,
            Weights = "{}", Status = MatchRunStatus.Draft,
        });
        var world = new World(tree, program.Id, run.Id, [], []);
        for (var i = 0; i < mentors; i++)
        {
            var person = await PersonAsync(tree, "Наставникова", PersonKind.Pupil, "10А", "+7 900 000-00-01");
            var profile = await app.InsertAsync(new MentorProfile
            {
                PersonId = person.Id, ProgramId = program.Id, RegionId = tree.RegionId, OrganizationId = tree.OrganizationId,
                CompetencyTopicIds = [topic], Availability = "вт, чт после 15:00", Capacity = capacity, Status = ParticipationStatus.Admitted,
            });
            world.Mentors.Add(new Member(person.Id, profile.Id, person.LastName, mentorLogins ? await LinkedLoginAsync(Role.Mentor, tree, person.Id) : null));
        }
        for (var i = 0; i < mentees; i++)
        {
            var person = await PersonAsync(tree, "Ученикова", PersonKind.Pupil, "7Б", "+7 900 000-00-02");
            var profile = await app.InsertAsync(new MenteeProfile
            {
                PersonId = person.Id, ProgramId = program.Id, RegionId = tree.RegionId, OrganizationId = tree.OrganizationId, KeyTopicId = topic,
                RequestText = "Хочу сделать проект по робототехнике", Availability = "вт после уроков", Source = RequestSource.Self,
                EntryDate = new DateOnly(2026, 9, 10), Status = ParticipationStatus.Admitted,
            });
            world.Mentees.Add(new Member(person.Id, profile.Id, person.LastName, await LinkedLoginAsync(Role.Mentee, tree, person.Id)));
        }
        foreach (var mentee in world.Mentees)
        {
            var rank = 1;
            foreach (var mentor in world.Mentors)
            {
                db.MatchChoices.Add(new MatchChoice
                {
                    RunId = run.Id, RegionId = tree.RegionId, OrganizationId = tree.OrganizationId, MenteeProfileId = mentee.ProfileId,
                    MentorProfileId = mentor.ProfileId, Rank = rank, Score = 600 - rank * 10, Breakdown = Breakdown, Status = ChoiceStatus.Offered,
                });
                rank++;
            }
        }
        await db.SaveChangesAsync();
        return world;
    }

    public async Task<Person> PersonAsync(AppFixture.Tree tree, string surname, PersonKind kind, string className, string phone) =>
        await app.InsertAsync(new Person
        {
            RegionId = tree.RegionId, OrganizationId = tree.OrganizationId, Kind = kind, LastName = AppFixture.Unique(surname).Replace(" ", "-"),
            FirstName = "Анна", MiddleName = "Сергеевна", ClassName = className, Grade = int.Parse(className[..^1]), Phone = phone,
            Status = PersonStatus.Active,
        });

    /// <summary>A login holding the role in the school and linked to the person (self-service pages find them through it).</summary>
    public async Task<string> LinkedLoginAsync(Role role, AppFixture.Tree tree, long personId)
    {
        var login = await app.CreateUserAsync(role, tree);
        await using var db = app.Db();
        var user = await db.Users.SingleAsync(u => u.UserName == login);
        user.PersonId = personId;
        await db.SaveChangesAsync();
        return login;
    }

    public async Task<long> ChoiceIdAsync(long runId, Member mentee, Member mentor)
    {
        await using var db = app.Db();
        return await db.MatchChoices.Where(c => c.RunId == runId && c.MenteeProfileId == mentee.ProfileId && c.MentorProfileId == mentor.ProfileId)
            .Select(c => c.Id).SingleAsync();
    }

    public async Task SetStatusAsync(long runId, Member mentee, Member mentor, ChoiceStatus status)
    {
        await using var db = app.Db();
        var choice = await db.MatchChoices.SingleAsync(c => c.RunId == runId && c.MenteeProfileId == mentee.ProfileId && c.MentorProfileId == mentor.ProfileId);
        choice.Status = status;
        await db.SaveChangesAsync();
    }

    public async Task<ChoiceStatus> StatusAsync(long runId, Member mentee, Member mentor)
    {
        await using var db = app.Db();
        return await db.MatchChoices.Where(c => c.RunId == runId && c.MenteeProfileId == mentee.ProfileId && c.MentorProfileId == mentor.ProfileId)
            .Select(c => c.Status).SingleAsync();
    }

    /// <summary>An active pair that takes one of the mentor's places (a mentee from outside the run).</summary>
    public async Task AddActivePairAsync(World world, Member mentor)
    {
        var other = await PersonAsync(world.Tree, "Занятова", PersonKind.Pupil, "6А", "");
        var profile = await app.InsertAsync(new MenteeProfile
        {
            PersonId = other.Id, ProgramId = world.ProgramId, RegionId = world.Tree.RegionId, OrganizationId = world.Tree.OrganizationId,
            Source = RequestSource.Self, EntryDate = new DateOnly(2026, 9, 1), Status = ParticipationStatus.InPair,
        });
        await app.InsertAsync(new MentoringGroup
        {
            RegionId = world.Tree.RegionId, OrganizationId = world.Tree.OrganizationId, ProgramId = world.ProgramId, Form = "pupil_pupil",
            StartDate = new DateOnly(2026, 10, 1), Status = GroupStatus.Active,
            Members =
            [
                new GroupMember { PersonId = mentor.PersonId, Role = MemberRole.Mentor, MentorProfileId = mentor.ProfileId, JoinedOn = new DateOnly(2026, 10, 1) },
                new GroupMember { PersonId = other.Id, Role = MemberRole.Mentee, MenteeProfileId = profile.Id, JoinedOn = new DateOnly(2026, 10, 1) },
            ],
        });
    }
}
