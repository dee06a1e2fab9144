using Nastavnik.Data.Entities.Pairs;
using Nastavnik.Data.Entities.People;
using Nastavnik.Domain.People;
using Nastavnik.Domain.Pairs;
using Nastavnik.IntegrationTests.Infrastructure;

namespace Nastavnik.IntegrationTests.Pairs;

/// <summary>Pairs written directly (as the matching approval would leave them) with their contacts, meetings and feedback.</summary>
public static class WatchData
{
    public sealed record Pair(long Id, long MentorId, long MenteeId, string MentorName, string MenteeName);

    public static async Task<MentoringProgram> ProgramAsync(this AppFixture app, AppFixture.Tree tree) =>
        await app.InsertAsync(new MentoringProgram
        {
            RegionId = tree.RegionId, OrganizationId = tree.OrganizationId, Name = AppFixture.Unique("Программа"),
            Family = ModelFamily.Learners, PeriodStart = new DateOnly(2026, 9, 1), PeriodEnd = new DateOnly(2027, 8, 31),
            Forms = ["pupil_pupil"], DeliveryModes = ["traditional"],
        });

    public static async Task<Pair> PairAsync(this AppFixture app, AppFixture.Tree tree, long programId, DateOnly start,
        GroupStatus status = GroupStatus.Active)
    {
        await using var db = app.Db();
        var mentor = Person(tree, AppFixture.Unique("Наставникова"), 9);
        var mentee = Person(tree, AppFixture.Unique("Ученикова"), 5);
        var group = new MentoringGroup
        {
            RegionId = tree.RegionId, OrganizationId = tree.OrganizationId, ProgramId = programId, Form = "pupil_pupil",
            DeliveryMode = "traditional", StartDate = start, Status = status, ClosedOn = status == GroupStatus.Closed ? start.AddDays(60) : null,
            Members =
            [
                new GroupMember
                {
                    Person = mentor, Role = MemberRole.Mentor, JoinedOn = start,
                    MentorProfile = new MentorProfile
                    {
                        Person = mentor, ProgramId = programId, RegionId = tree.RegionId, OrganizationId = tree.OrganizationId,
                        Status = ParticipationStatus.InPair,
                    },
                },
                new GroupMember
                {
                    Person = mentee, Role = MemberRole.Mentee, JoinedOn = start,
                    MenteeProfile = new MenteeProfile
                    {
                        Person = mentee, ProgramId = programId, RegionId = tree.RegionId, OrganizationId = tree.OrganizationId,
                        Source = RequestSource.Self, EntryDate = start, Status = ParticipationStatus.InPair,
                    },
                },
            ],
        };
        db.MentoringGroups.Add(group);
        await db.SaveChangesAsync();
        return new Pair(group.Id, mentor.Id, mentee.Id, mentor.FullName, mentee.FullName);
    }

    private static Person Person(AppFixture.Tree tree, string lastName, int grade) => new()
    {
        RegionId = tree.RegionId, OrganizationId = tree.OrganizationId, Kind = PersonKind.Pupil, LastName = lastName,
        FirstName = "Анна", MiddleName = "Игоревна", ClassName = $"{grade}А", Grade = grade, BirthDate = new DateOnly(2026 - 6 - grade, 3, 1),
        Status = PersonStatus.Active,
    };

    public static async Task ContactsAsync(this AppFixture app, AppFixture.Tree tree, long groupId, ContactWith with, params DateOnly[] dates)
    {
        await using var db = app.Db();
        foreach (var d in dates)
        {
            db.ContactLogs.Add(new ContactLog
            {
                GroupId = groupId, RegionId = tree.RegionId, OrganizationId = tree.OrganizationId, ContactedOn = d,
                Channel = ContactChannel.Call, WithRole = with, Nature = ContactNature.Planned,
            });
        }
        await db.SaveChangesAsync();
    }

    public static async Task MeetingAsync(this AppFixture app, AppFixture.Tree tree, long groupId, DateOnly on)
    {
        await app.InsertAsync(new Meeting
        {
            GroupId = groupId, RegionId = tree.RegionId, OrganizationId = tree.OrganizationId, Type = MeetingType.Regular,
            HeldOn = on, DurationMinutes = 45, Format = MeetingFormat.InPerson,
        });
    }

    public static async Task FeedbackAsync(this AppFixture app, AppFixture.Tree tree, Pair pair, MemberRole role, DateTimeOffset at,
        int usefulness = 8, int comfort = 8)
    {
        await app.InsertAsync(new Feedback
        {
            GroupId = pair.Id, PersonId = role == MemberRole.Mentor ? pair.MentorId : pair.MenteeId, RegionId = tree.RegionId,
            OrganizationId = tree.OrganizationId, Role = role, Usefulness = usefulness, Comfort = comfort, SubmittedAt = at,
        });
    }
}
