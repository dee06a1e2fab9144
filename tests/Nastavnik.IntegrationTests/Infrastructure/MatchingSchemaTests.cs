using Microsoft.EntityFrameworkCore;
using Nastavnik.Data.Entities.Matching;
using Nastavnik.Data.Entities.Pairs;
using Nastavnik.Data.Entities.People;
using Nastavnik.Domain.Matching;
using Nastavnik.Domain.Pairs;
using Nastavnik.Domain.People;

namespace Nastavnik.IntegrationTests.Infrastructure;

/// <summary>The matching and pairs tables and the EF model agree: a run, its proposal, a choice and a pair round-trip.</summary>
[Collection(Collections.Platform)]
public class MatchingSchemaTests(AppFixture app)
{
    [Fact]
    public async Task Save_RunProposalAndPair_RoundTrips()
    {
        var tree = await app.CreateTreeAsync();
        long runId;
        await using (var db = app.Db())
        {
            var program = new MentoringProgram
            {
                RegionId = tree.RegionId, OrganizationId = tree.OrganizationId, Name = "Программа", Family = ModelFamily.Learners,
                PeriodStart = new DateOnly(2026, 9, 1), PeriodEnd = new DateOnly(2027, 8, 31), Forms = ["pupil_pupil"],
            };
            var mentee = new Person { RegionId = tree.RegionId, OrganizationId = tree.OrganizationId, Kind = PersonKind.Pupil, LastName = "Иванов", FirstName = "Пётр", Grade = 6 };
            var mentor = new Person { RegionId = tree.RegionId, OrganizationId = tree.OrganizationId, Kind = PersonKind.Pupil, LastName = "Петрова", FirstName = "Анна", Grade = 9 };
            db.AddRange(program, mentee, mentor);
            await db.SaveChangesAsync();
            var mentorProfile = new MentorProfile { PersonId = mentor.Id, ProgramId = program.Id, RegionId = tree.RegionId, OrganizationId = tree.OrganizationId };
            db.MentorProfiles.Add(mentorProfile);
            await db.SaveChangesAsync();
            var menteeProfile = new MenteeProfile
            {
                PersonId = mentee.Id, ProgramId = program.Id, RegionId = tree.RegionId, OrganizationId = tree.OrganizationId,
                Source = RequestSource.Self, EntryDate = new DateOnly(2026, 9, 10), Availability = "пн, ср после 14:00",
                PreferredMentorProfileId = mentorProfile.Id, ExcludedMentorProfileIds = [mentorProfile.Id + 1000],
            };
            db.MenteeProfiles.Add(menteeProfile);
            var run = new MatchRun
            {
                RegionId = tree.RegionId, OrganizationId = tree.OrganizationId, ProgramId = program.Id, Form = "pupil_pupil",
                Mode = MatchMode.Optimal, Weights = """{"topics": 40}""", Status = MatchRunStatus.Draft,
            };
            db.MatchRuns.Add(run);
            await db.SaveChangesAsync();
            db.MatchProposals.Add(new MatchProposal
            {
                RunId = run.Id, MenteeProfileId = menteeProfile.Id, MentorProfileId = mentorProfile.Id, Score = 640,
                Breakdown = """[{"code": "topics", "points": 400}]""", IsLocked = true, Warnings = ["разница классов меньше двух"],
            });
            db.MatchChoices.Add(new MatchChoice
            {
                RunId = run.Id, RegionId = tree.RegionId, OrganizationId = tree.OrganizationId, MenteeProfileId = menteeProfile.Id,
                MentorProfileId = mentorProfile.Id, Rank = 1, Score = 640, Status = ChoiceStatus.Chosen,
            });
            db.MentoringGroups.Add(new MentoringGroup
            {
                RegionId = tree.RegionId, OrganizationId = tree.OrganizationId, ProgramId = program.Id, Form = "pupil_pupil",
                DeliveryMode = "traditional", StartDate = new DateOnly(2026, 10, 1), Status = GroupStatus.Active, MatchRunId = run.Id,
                Members =
                [
                    new GroupMember { PersonId = mentor.Id, Role = MemberRole.Mentor, MentorProfileId = mentorProfile.Id, JoinedOn = new DateOnly(2026, 10, 1) },
                    new GroupMember { PersonId = mentee.Id, Role = MemberRole.Mentee, MenteeProfileId = menteeProfile.Id, JoinedOn = new DateOnly(2026, 10, 1) },
                ],
            });
            await db.SaveChangesAsync();
            runId = run.Id;
        }

        await using var check = app.Db();
        var loaded = await check.MatchRuns.Include(r => r.Proposals).SingleAsync(r => r.Id == runId);
        Assert.Equal(MatchRunStatus.Draft, loaded.Status);
        Assert.Contains("topics", loaded.Weights);
        var proposal = Assert.Single(loaded.Proposals);
        Assert.True(proposal.IsLocked);
        Assert.Equal(["разница классов меньше двух"], proposal.Warnings);
        Assert.Equal(ChoiceStatus.Chosen, (await check.MatchChoices.SingleAsync(c => c.RunId == runId)).Status);
        var group = await check.MentoringGroups.Include(g => g.Members).SingleAsync(g => g.MatchRunId == runId);
        Assert.Equal(2, group.Members.Count);
        Assert.Equal(ClosureKind.None, group.ClosureKind);  // the database default 'none' reads back as None
        Assert.Equal(ClosureReason.None, group.ClosureReason);
        Assert.Single(group.Members, m => m.Role == MemberRole.Mentor);
        var mp = await check.MenteeProfiles.SingleAsync(m => m.Id == proposal.MenteeProfileId);
        Assert.Equal("пн, ср после 14:00", mp.Availability);
        Assert.Equal(proposal.MentorProfileId, mp.PreferredMentorProfileId);
    }

    [Fact]
    public async Task Save_PairAtWork_RoundTrips()
    {
        var tree = await app.CreateTreeAsync();
        long groupId;
        await using (var db = app.Db())
        {
            var program = new MentoringProgram
            {
                RegionId = tree.RegionId, OrganizationId = tree.OrganizationId, Name = "Программа", Family = ModelFamily.Learners,
                PeriodStart = new DateOnly(2026, 9, 1), PeriodEnd = new DateOnly(2027, 8, 31), Forms = ["pupil_pupil"],
            };
            var mentor = new Person { RegionId = tree.RegionId, OrganizationId = tree.OrganizationId, Kind = PersonKind.Pupil, LastName = "Петрова", FirstName = "Анна", Grade = 9 };
            db.AddRange(program, mentor);
            await db.SaveChangesAsync();
            var profile = new MentorProfile { PersonId = mentor.Id, ProgramId = program.Id, RegionId = tree.RegionId, OrganizationId = tree.OrganizationId };
            db.MentorProfiles.Add(profile);
            var finalEvent = new FinalEvent { RegionId = tree.RegionId, OrganizationId = tree.OrganizationId, ProgramId = program.Id, Title = "Итоговое мероприятие", HeldOn = new DateOnly(2027, 5, 20) };
            var group = new MentoringGroup
            {
                RegionId = tree.RegionId, OrganizationId = tree.OrganizationId, ProgramId = program.Id, Form = "pupil_pupil",
                StartDate = new DateOnly(2026, 10, 1), Status = GroupStatus.Closed, ClosedOn = new DateOnly(2027, 5, 20),
                ClosureKind = ClosureKind.Early, ClosureReason = ClosureReason.Relocation, ClosureComment = "Семья переехала", FinalEvent = finalEvent,
            };
            group.Members.Add(new GroupMember { PersonId = mentor.Id, Role = MemberRole.Mentor, MentorProfile = profile, JoinedOn = new DateOnly(2026, 10, 1) });
            db.MentoringGroups.Add(group);
            await db.SaveChangesAsync();
            db.PlanGoals.Add(new PlanGoal
            {
                GroupId = group.Id, Position = 1, Goal = "Подготовиться к ОГЭ по математике", Measure = "Пробный экзамен не ниже «4»",
                DueOn = new DateOnly(2027, 4, 1), Progress = 40, Tasks = [new PlanTask { Position = 1, Text = "Разобрать задачи 1–5" }],
            });
            var meeting = new Meeting
            {
                GroupId = group.Id, RegionId = tree.RegionId, OrganizationId = tree.OrganizationId, Type = MeetingType.Trial,
                HeldOn = new DateOnly(2026, 10, 8), StartTime = new TimeOnly(15, 30), DurationMinutes = 45, Format = MeetingFormat.InPerson,
                Outcome = MeetingOutcome.Confirmed, AttendeePersonIds = [mentor.Id],
            };
            db.Meetings.Add(meeting);
            await db.SaveChangesAsync();
            db.Feedback.Add(new Feedback
            {
                GroupId = group.Id, MeetingId = meeting.Id, PersonId = mentor.Id, RegionId = tree.RegionId, OrganizationId = tree.OrganizationId,
                Role = MemberRole.Mentor, Usefulness = 8, Comfort = 9, Unsafe = false,
            });
            db.ContactLogs.Add(new ContactLog
            {
                GroupId = group.Id, RegionId = tree.RegionId, OrganizationId = tree.OrganizationId, ContactedOn = new DateOnly(2026, 10, 3),
                Channel = ContactChannel.Call, WithRole = ContactWith.Representative, Nature = ContactNature.Support,
            });
            db.ProblemReports.Add(new ProblemReport { GroupId = group.Id, RegionId = tree.RegionId, OrganizationId = tree.OrganizationId, Text = "Нужна помощь" });
            db.Trainings.Add(new Training
            {
                RegionId = tree.RegionId, MunicipalityId = tree.MunicipalityId, Title = "Школа наставника", Hours = 6m,
                StartsOn = new DateOnly(2026, 9, 20), EndsOn = new DateOnly(2026, 9, 21),
                Participants = [new TrainingParticipant { PersonId = mentor.Id, OrganizationId = tree.OrganizationId, Attended = true, CompletedOn = new DateOnly(2026, 9, 21) }],
            });
            db.Recognitions.Add(new Recognition
            {
                PersonId = mentor.Id, GroupId = group.Id, RegionId = tree.RegionId, OrganizationId = tree.OrganizationId,
                Kind = RecognitionKind.Certificate, GrantedOn = new DateOnly(2027, 5, 25),
            });
            await db.SaveChangesAsync();
            groupId = group.Id;
        }

        await using var check = app.Db();
        var loaded = await check.MentoringGroups.Include(g => g.FinalEvent).SingleAsync(g => g.Id == groupId);
        Assert.Equal(ClosureReason.Relocation, loaded.ClosureReason);
        Assert.Equal("Итоговое мероприятие", loaded.FinalEvent!.Title);
        Assert.Equal(MeetingOutcome.Confirmed, (await check.Meetings.SingleAsync(m => m.GroupId == groupId)).Outcome);
        Assert.Single((await check.PlanGoals.Include(g => g.Tasks).SingleAsync(g => g.GroupId == groupId)).Tasks);
        Assert.Equal(9, (await check.Feedback.SingleAsync(f => f.GroupId == groupId)).Comfort);
        Assert.Equal(ContactWith.Representative, (await check.ContactLogs.SingleAsync(c => c.GroupId == groupId)).WithRole);
        Assert.True(await check.ProblemReports.AnyAsync(p => p.GroupId == groupId));
        Assert.Equal(RecognitionKind.Certificate, (await check.Recognitions.SingleAsync(r => r.GroupId == groupId)).Kind);
    }
}
