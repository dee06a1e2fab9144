using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Nastavnik.Data.Entities.Pairs;
using Nastavnik.Domain.Pairs;
using Nastavnik.Domain.People;
using Nastavnik.IntegrationTests.Infrastructure;
using Nastavnik.IntegrationTests.Matching;

namespace Nastavnik.IntegrationTests.Pairs;

/// <summary>An active pair (one mentor, one mentee) in a fresh school, built directly as the approval would leave it.</summary>
public static partial class ClosureData
{
    public sealed record Pair(MatchingData.World World, long GroupId, long MentorPersonId, long MenteePersonId, long MentorProfileId, long MenteeProfileId);

    public static async Task<Pair> ClosurePairAsync(this AppFixture app, DateOnly? start = null)
    {
        var world = await app.WorldAsync(1, 1);
        await using var db = app.Db();
        var mentor = await db.MentorProfiles.SingleAsync(p => p.Id == world.Mentors[0]);
        var mentee = await db.MenteeProfiles.SingleAsync(p => p.Id == world.Mentees[0]);
        mentor.Status = ParticipationStatus.InPair;
        mentee.Status = ParticipationStatus.InPair;
        var begin = start ?? new DateOnly(2025, 10, 1);
        var group = new MentoringGroup
        {
            RegionId = world.Tree.RegionId, OrganizationId = world.Tree.OrganizationId, ProgramId = world.Program.Id, Form = "pupil_pupil",
            DeliveryMode = "traditional", StartDate = begin, Status = GroupStatus.Active,
            Members =
            [
                new GroupMember { PersonId = mentor.PersonId, Role = MemberRole.Mentor, MentorProfileId = mentor.Id, JoinedOn = begin },
                new GroupMember { PersonId = mentee.PersonId, Role = MemberRole.Mentee, MenteeProfileId = mentee.Id, JoinedOn = begin },
            ],
        };
        db.MentoringGroups.Add(group);
        await db.SaveChangesAsync();
        return new Pair(world, group.Id, mentor.PersonId, mentee.PersonId, mentor.Id, mentee.Id);
    }

    public static async Task FinalMeetingAsync(this AppFixture app, Pair pair, DateOnly on)
    {
        await app.InsertAsync(new Meeting
        {
            GroupId = pair.GroupId, RegionId = pair.World.Tree.RegionId, OrganizationId = pair.World.Tree.OrganizationId,
            Type = MeetingType.Final, HeldOn = on, DurationMinutes = 45, Format = MeetingFormat.InPerson, Topic = "Итоги",
        });
    }

    /// <summary>The row version the closure form carries.</summary>
    public static async Task<string> CloseVersionAsync(this HttpClient client, long groupId)
    {
        var html = await (await client.GetAsync($"/Pairs/Closure/Close/{groupId}")).Content.ReadAsStringAsync();
        return VersionField().Match(html).Groups[1].Value;
    }

    [GeneratedRegex("name=\"Form.RowVersion\" value=\"(\\d+)\"")]
    private static partial Regex VersionField();
}
