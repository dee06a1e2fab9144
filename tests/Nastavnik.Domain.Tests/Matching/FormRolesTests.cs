using Nastavnik.Domain.Matching;
using Nastavnik.Domain.People;

namespace Nastavnik.Domain.Tests.Matching;

public class FormRolesTests
{
    [Theory]
    [InlineData("pupil_pupil", PersonKind.Pupil, PersonKind.Pupil)]
    [InlineData("teacher_teacher", PersonKind.Teacher, PersonKind.Teacher)]
    [InlineData("educator_educator", PersonKind.Teacher, PersonKind.Teacher)]
    [InlineData("head_educator", PersonKind.Teacher, PersonKind.Teacher)]
    [InlineData("student_pupil", PersonKind.Student, PersonKind.Pupil)]
    [InlineData("employer_pupil", PersonKind.EmployerStaff, PersonKind.Pupil)]
    [InlineData("employer_student", PersonKind.EmployerStaff, PersonKind.Student)]
    [InlineData("student_student", PersonKind.Student, PersonKind.Student)]
    [InlineData("teacher_learner", PersonKind.Teacher, PersonKind.Pupil)]
    [InlineData("employer_pedagogy_student", PersonKind.EmployerStaff, PersonKind.Student)]
    public void Kinds_SeededForm_AllowsItsRoles(string form, PersonKind mentor, PersonKind mentee)
    {
        Assert.Equal([mentor], FormRoles.MentorKinds(form));
        Assert.Equal([mentee], FormRoles.MenteeKinds(form));
    }

    [Fact]
    public void Kinds_EverySeededForm_IsKnown()
    {
        Assert.All(Forms.All, f => Assert.NotEmpty(FormRoles.MentorKinds(f.Code)));
        Assert.All(Forms.All, f => Assert.NotEmpty(FormRoles.MenteeKinds(f.Code)));
    }

    [Fact]
    public void Kinds_UnknownForm_AllowsNobody()
    {
        Assert.Empty(FormRoles.MentorKinds("retired_form"));
        Assert.Empty(FormRoles.MenteeKinds("retired_form"));
    }
}
