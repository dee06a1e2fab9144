using Microsoft.EntityFrameworkCore;
using Nastavnik.Data.Entities.Matching;
using Nastavnik.Data.Entities.Pairs;
using Nastavnik.Data.Entities.People;
using Nastavnik.Domain.Matching;
using Nastavnik.Domain.Pairs;
using Nastavnik.Domain.People;

namespace Nastavnik.IntegrationTests.Infrastructure;

/// <summary>The matching and pairs tables and the EF model agree: a run, its proposal, a choice and a pair round-trip.</summary>
[Collection(nameof(AppFixture))]
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
        Assert.Single(group.Members, m => m.Role == MemberRole.Mentor);
        var mp = await check.MenteeProfiles.SingleAsync(m => m.Id == proposal.MenteeProfileId);
        Assert.Equal("пн, ср после 14:00", mp.Availability);
        Assert.Equal(proposal.MentorProfileId, mp.PreferredMentorProfileId);
    }
}
