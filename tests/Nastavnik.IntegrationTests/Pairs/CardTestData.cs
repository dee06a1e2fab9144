using Microsoft.EntityFrameworkCore;
using Nastavnik.Data.Entities.Pairs;
using Nastavnik.Data.Entities.People;
using Nastavnik.Domain.Access;
using Nastavnik.Domain.Pairs;
using Nastavnik.Domain.People;
using Nastavnik.Domain.Text;
using Nastavnik.IntegrationTests.Infrastructure;

namespace Nastavnik.IntegrationTests.Pairs;

/// <summary>A school's programme with one pair (a 9th-grade mentor, a 5th-grade mentee) started 30 days ago, and logins for both and the curator.</summary>
public static class CardTestData
{
    public sealed record PairWorld(AppFixture.Tree Tree, long GroupId, long MentorPersonId, long MenteePersonId, string MentorLogin,
        string MenteeLogin, string CuratorLogin, long CuratorUserId, string MenteeName, DateOnly Start);

    public static DateOnly Today => DateOnly.FromDateTime(MoscowTime.From(DateTimeOffset.UtcNow));

    public static async Task<PairWorld> PairAsync(this AppFixture app, GroupStatus status = GroupStatus.Active, bool isGroup = false)
    {
        var tree = await app.CreateTreeAsync();
        var program = await app.InsertAsync(new MentoringProgram
        {
            RegionId = tree.RegionId, OrganizationId = tree.OrganizationId, Name = AppFixture.Unique("Программа"),
            Family = ModelFamily.Learners, PeriodStart = new DateOnly(2026, 9, 1), PeriodEnd = new DateOnly(2027, 8, 31), Forms = ["pupil_pupil"],
        });
        var mentor = await app.InsertAsync(Pupil(tree, "Наставникова" + string.Concat(Guid.NewGuid().ToString("N")[..6].Select(c => (char)('а' + Convert.ToInt32(c.ToString(), 16)))), "9А", 9));
        var mentee = await app.InsertAsync(Pupil(tree, "Ученикова", "5Б", 5));
        var start = Today.AddDays(-30);
        var curatorLogin = await app.CreateUserAsync(Role.Curator, tree, "Белова Ирина Николаевна");
        var mentorLogin = await app.CreateUserAsync(Role.Mentor, tree);
        var menteeLogin = await app.CreateUserAsync(Role.Mentee, tree);
        await using var db = app.Db();
        var curatorId = await db.Users.Where(u => u.UserName == curatorLogin).Select(u => u.Id).SingleAsync();
        (await db.Users.SingleAsync(u => u.UserName == mentorLogin)).PersonId = mentor.Id;
        (await db.Users.SingleAsync(u => u.UserName == menteeLogin)).PersonId = mentee.Id;
        var profile = new MenteeProfile
        {
            PersonId = mentee.Id, ProgramId = program.Id, RegionId = tree.RegionId, OrganizationId = tree.OrganizationId,
            Source = RequestSource.Self, EntryDate = start.AddDays(-10), RequestText = "Хочу подготовиться к олимпиаде по математике",
        };
        var mentorProfile = new MentorProfile
        {
            PersonId = mentor.Id, ProgramId = program.Id, RegionId = tree.RegionId, OrganizationId = tree.OrganizationId,
            Status = ParticipationStatus.Admitted, AllowedForms = ["pupil_pupil"],
        };
        var group = new MentoringGroup
        {
            RegionId = tree.RegionId, OrganizationId = tree.OrganizationId, ProgramId = program.Id, Form = "pupil_pupil", IsGroup = isGroup,
            StartDate = start, PlannedEnd = start.AddMonths(8), Status = status, CuratorUserId = curatorId,
            ClosedOn = status == GroupStatus.Closed ? Today.AddDays(-1) : null,
            Members =
            [
                new GroupMember { PersonId = mentor.Id, Role = MemberRole.Mentor, MentorProfile = mentorProfile, JoinedOn = start },
                new GroupMember { PersonId = mentee.Id, Role = MemberRole.Mentee, MenteeProfile = profile, JoinedOn = start },
            ],
        };
        db.MentoringGroups.Add(group);
        await db.SaveChangesAsync();
        return new PairWorld(tree, group.Id, mentor.Id, mentee.Id, mentorLogin, menteeLogin, curatorLogin, curatorId, mentee.FullName, start);
    }

    public static async Task AddMeetingAsync(this AppFixture app, PairWorld world, MeetingType type, DateOnly on)
    {
        await app.InsertAsync(new Meeting
        {
            GroupId = world.GroupId, RegionId = world.Tree.RegionId, OrganizationId = world.Tree.OrganizationId, Type = type, HeldOn = on,
            DurationMinutes = 45, Outcome = type == MeetingType.Trial ? MeetingOutcome.Confirmed : MeetingOutcome.None,
        });
    }

    public static Dictionary<string, string> MeetingFields(MeetingType type, DateOnly on, int minutes = 45, string skipReason = "") => new()
    {
        ["Form.Type"] = type.ToString(), ["Form.HeldOn"] = on.ToString("yyyy-MM-dd"), ["Form.DurationMinutes"] = minutes.ToString(),
        ["Form.Format"] = nameof(MeetingFormat.InPerson), ["Form.Place"] = "кабинет 12", ["Form.Topic"] = "Знакомство и интересы",
        ["Form.Result"] = "Договорились о графике", ["Form.SkipReason"] = skipReason,
        ["Form.Outcome"] = type == MeetingType.Trial ? nameof(MeetingOutcome.Confirmed) : nameof(MeetingOutcome.None),
    };

    private static Person Pupil(AppFixture.Tree tree, string lastName, string className, int grade) => new()
    {
        RegionId = tree.RegionId, OrganizationId = tree.OrganizationId, Kind = PersonKind.Pupil, LastName = lastName,
        FirstName = "Анна", MiddleName = "Игоревна", ClassName = className, Grade = grade, BirthDate = new DateOnly(2026 - grade - 7, 3, 1),
        Status = PersonStatus.Active, Phone = "+7 900 000-00-00",
    };
}
