using Nastavnik.Domain.People;

namespace Nastavnik.Domain.Tests.People;

public class ShortNameTests
{
    [Theory]
    [InlineData("Иванова", "Мария", "Мария И.")]
    [InlineData(" иванова ", " Мария ", "Мария И.")]
    [InlineData("", "Мария", "Мария")]
    [InlineData("Ёлкин", "Пётр", "Пётр Ё.")]
    public void ShortName_LastAndFirst_FirstNameAndInitial(string last, string first, string expected) =>
        Assert.Equal(expected, PeopleTerms.ShortName(last, first));
}
