using Nastavnik.Domain.People;

namespace Nastavnik.Domain.Tests.People;

public class FormsTests
{
    [Fact]
    public void All_CodesAreUnique() => Assert.Equal(Forms.All.Count, Forms.All.Select(f => f.Code).Distinct().Count());

    [Fact]
    public void Of_Learners_HasSevenSeededFormsIncludingPupilPupil()
    {
        var learners = Forms.Of(ModelFamily.Learners).ToList();
        Assert.Equal(7, learners.Count);
        Assert.Contains(learners, f => f.Code == "pupil_pupil" && f.Name == "Ученик – ученик");
    }

    [Fact]
    public void Of_Teachers_HasThreeForms() => Assert.Equal(3, Forms.Of(ModelFamily.Teachers).Count());

    [Fact]
    public void IsKnown_FormOfOtherFamily_IsFalse()
    {
        Assert.True(Forms.IsKnown("pupil_pupil", ModelFamily.Learners));
        Assert.False(Forms.IsKnown("pupil_pupil", ModelFamily.Teachers));
    }

    [Fact]
    public void NameOf_UnknownCode_ReturnsCode() => Assert.Equal("zzz", Forms.NameOf("zzz"));

    [Fact]
    public void DeliveryModes_HasSevenSeeded() => Assert.Equal(7, Forms.DeliveryModes.Count);
}
