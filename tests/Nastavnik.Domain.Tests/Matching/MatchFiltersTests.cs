using Nastavnik.Domain.Matching;
using Nastavnik.Domain.People;
using static Nastavnik.Domain.Tests.Matching.MatchPeople;

namespace Nastavnik.Domain.Tests.Matching;

public class MatchFiltersTests
{
    private static FilterFailure Single(MenteeInput mentee, MentorInput mentor, MatchRules? rules = null) =>
        Assert.Single(MatchFilters.Check(mentee, mentor, rules ?? Rules()));

    [Fact]
    public void Check_ValidPair_Passes()
    {
        Assert.Empty(MatchFilters.Check(Mentee(1), Mentor(11), Rules()));
    }

    [Fact]
    public void Check_MenteeWithoutConsent_FailsConsent()
    {
        var failure = Single(Mentee(1) with { ConsentValid = false }, Mentor(11));

        Assert.Equal(MatchFilters.Consent, failure.Code);
        Assert.Contains("нет действующего согласия наставляемого", failure.Text);
    }

    [Fact]
    public void Check_MentorNotAdmitted_FailsEligibilityWithWhatIsMissing()
    {
        var failure = Single(Mentee(1), Mentor(11) with { Ineligible = ["не проведено собеседование", "куратор не допустил к подбору пар"] });

        Assert.Equal(MatchFilters.Eligibility, failure.Code);
        Assert.Equal("наставник не допущен к подбору пар: не проведено собеседование; куратор не допустил к подбору пар", failure.Text);
    }

    [Fact]
    public void Check_MentorKindNotOfForm_FailsForm()
    {
        var failure = Single(Mentee(1), Mentor(11) with { Kind = PersonKind.Student });

        Assert.Equal(MatchFilters.Form, failure.Code);
        Assert.Equal("наставник (студент) не может быть наставником в форме «Ученик – ученик»", failure.Text);
    }

    [Fact]
    public void Check_MenteeKindNotOfForm_FailsForm()
    {
        var failure = Single(Mentee(1) with { Kind = PersonKind.Student }, Mentor(11) with { Kind = PersonKind.Student }, Rules("student_pupil"));

        Assert.Equal(MatchFilters.Form, failure.Code);
        Assert.Equal("наставляемый (студент) не может быть наставляемым в форме «Студент – ученик»", failure.Text);
    }

    [Fact]
    public void Check_MentorAllowsOtherFormsOnly_FailsForm()
    {
        var failure = Single(Mentee(1), Mentor(11) with { AllowedForms = ["student_pupil"] });

        Assert.Equal(MatchFilters.Form, failure.Code);
        Assert.Equal("наставник не выбрал форму «Ученик – ученик»", failure.Text);
        Assert.Empty(MatchFilters.Check(Mentee(1), Mentor(11) with { AllowedForms = ["pupil_pupil"] }, Rules()));
    }

    [Fact]
    public void Check_MentorOfUnlinkedOrganization_FailsOrganization()
    {
        var failure = Single(Mentee(1), Mentor(11) with { OrganizationId = 99 });

        Assert.Equal(MatchFilters.Organization, failure.Code);
        Assert.Equal("наставник из другой организации, не связанной с программой", failure.Text);
    }

    [Fact]
    public void Check_MentorOfLinkedOrganizationOrPartner_Passes()
    {
        var rules = Rules() with { LinkedOrganizationIds = [99], LinkedPartnerIds = [7] };

        Assert.Empty(MatchFilters.Check(Mentee(1), Mentor(11) with { OrganizationId = 99 }, rules));
        Assert.Empty(MatchFilters.Check(Mentee(1), Mentor(11) with { OrganizationId = 98, PartnerId = 7 }, rules));
    }

    [Fact]
    public void Check_OtherMunicipality_FailsUnlessCrossMunicipality()
    {
        var mentor = Mentor(11) with { MunicipalityId = 200 };

        var failure = Single(Mentee(1), mentor);

        Assert.Equal(MatchFilters.Municipality, failure.Code);
        Assert.Equal("наставник из другого муниципалитета, а программа не дистанционная", failure.Text);
        Assert.Empty(MatchFilters.Check(Mentee(1), mentor, Rules() with { CrossMunicipality = true }));
    }

    [Fact]
    public void Check_PupilMentorOneGradeAbove_FailsGrade()
    {
        var failure = Single(Mentee(1) with { Grade = 8 }, Mentor(11) with { Grade = 9 });

        Assert.Equal(MatchFilters.Grade, failure.Code);
        Assert.Equal("наставник не старше наставляемого на 2 класса", failure.Text);
    }

    [Fact]
    public void Check_PupilMentorExactlyGapAbove_Passes()
    {
        Assert.Empty(MatchFilters.Check(Mentee(1) with { Grade = 8 }, Mentor(11) with { Grade = 10 }, Rules()));
        Assert.Empty(MatchFilters.Check(Mentee(1) with { Grade = 8 }, Mentor(11) with { Grade = 9 }, Rules() with { MinGradeGap = 1 }));
    }

    [Fact]
    public void Check_PupilGradeUnknown_FailsGradeWithOwnMessage()
    {
        var failure = Single(Mentee(1) with { Grade = null }, Mentor(11));

        Assert.Equal(MatchFilters.Grade, failure.Code);
        Assert.Equal("не указан класс наставника или наставляемого", failure.Text);
    }

    [Fact]
    public void Check_TeacherWithShortExperience_FailsExperience()
    {
        var mentee = Mentee(1) with { Kind = PersonKind.Teacher, Grade = null };
        var mentor = Mentor(11) with { Kind = PersonKind.Teacher, Grade = null, ExperienceYears = 2 };

        var failure = Single(mentee, mentor, Rules("teacher_teacher"));

        Assert.Equal(MatchFilters.Experience, failure.Code);
        Assert.Equal("педагогический стаж наставника меньше 3 лет", failure.Text);
        Assert.Equal("не указан педагогический стаж наставника",
            Single(mentee, mentor with { ExperienceYears = null }, Rules("educator_educator")).Text);
        Assert.Empty(MatchFilters.Check(mentee, mentor with { ExperienceYears = 3 }, Rules("teacher_teacher")));
        Assert.Empty(MatchFilters.Check(mentee, mentor, Rules("head_educator")));
    }

    [Fact]
    public void Check_MentorWithoutFreePlaces_FailsCapacity()
    {
        var failure = Single(Mentee(1), Mentor(11) with { Capacity = 2, Load = 2 });

        Assert.Equal(MatchFilters.Capacity, failure.Code);
        Assert.Equal("у наставника нет свободных мест", failure.Text);
    }

    [Fact]
    public void Check_MentorExcludedByMentee_FailsExclusion()
    {
        var failure = Single(Mentee(1) with { ExcludedMentorIds = [11] }, Mentor(11));

        Assert.Equal(MatchFilters.Exclusion, failure.Code);
        Assert.Equal("наставляемый просил не назначать этого наставника", failure.Text);
    }

    [Fact]
    public void Check_SeveralBroken_ListsAllInFilterOrder()
    {
        var failures = MatchFilters.Check(Mentee(1) with { ConsentValid = false, ExcludedMentorIds = [11] },
            Mentor(11) with { OrganizationId = 99, Load = 1 }, Rules());

        Assert.Equal([MatchFilters.Consent, MatchFilters.Organization, MatchFilters.Capacity, MatchFilters.Exclusion],
            failures.Select(f => f.Code));
    }

    [Fact]
    public void Order_EveryFilter_HasRussianTitle()
    {
        Assert.Equal(9, MatchFilters.Order.Count);
        Assert.Equal(9, MatchFilters.Order.Select(f => f.Code).Distinct().Count());
        Assert.All(MatchFilters.Order, f => Assert.Matches("^[А-Я][а-яё ]+$", f.Title));
    }
}
