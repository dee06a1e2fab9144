using Nastavnik.Domain.Pairs;
using Member = Nastavnik.Domain.Pairs.MemberWithdrawal.Member;

namespace Nastavnik.Domain.Tests.Pairs;

public class MemberWithdrawalTests
{
    private static readonly Member Mentor = new(1, MemberRole.Mentor);
    private static readonly Member Mentee = new(2, MemberRole.Mentee);
    private static readonly Member SecondMentee = new(3, MemberRole.Mentee);
    private static readonly Member SecondMentor = new(4, MemberRole.Mentor);

    [Fact]
    public void Closes_OnlyMenteeOfPairWithdraws_PairCloses() =>
        Assert.True(MemberWithdrawal.Closes(GroupStatus.Active, [Mentor, Mentee], Mentee.PersonId));

    [Fact]
    public void Closes_MentorOfPairWithdraws_PairCloses() =>
        Assert.True(MemberWithdrawal.Closes(GroupStatus.Active, [Mentor, Mentee], Mentor.PersonId));

    [Fact]
    public void Closes_OneMenteeOfGroupWithdraws_GroupContinues() =>
        Assert.False(MemberWithdrawal.Closes(GroupStatus.Active, [Mentor, Mentee, SecondMentee], Mentee.PersonId));

    [Fact]
    public void Closes_OnlyMentorOfGroupWithdraws_GroupCloses() =>
        Assert.True(MemberWithdrawal.Closes(GroupStatus.Active, [Mentor, Mentee, SecondMentee], Mentor.PersonId));

    [Fact]
    public void Closes_OneOfTwoMentorsWithdraws_GroupContinues() =>
        Assert.False(MemberWithdrawal.Closes(GroupStatus.Active, [Mentor, SecondMentor, Mentee], Mentor.PersonId));

    [Fact]
    public void Closes_PausedPairLosesMentee_PairCloses() =>
        Assert.True(MemberWithdrawal.Closes(GroupStatus.Paused, [Mentor, Mentee], Mentee.PersonId));

    [Fact]
    public void Closes_AlreadyClosed_NothingToClose() =>
        Assert.False(MemberWithdrawal.Closes(GroupStatus.Closed, [Mentor, Mentee], Mentee.PersonId));

    [Fact]
    public void Closes_PersonNotAMember_NothingToClose() =>
        Assert.False(MemberWithdrawal.Closes(GroupStatus.Active, [Mentor, Mentee], 99));

    [Fact]
    public void Title_ConsentWithdrawn_Russian() => Assert.Equal("отзыв согласия", LeaveReason.ConsentWithdrawn.Title());
}
