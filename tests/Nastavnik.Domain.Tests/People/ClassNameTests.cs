using Nastavnik.Domain.People;

namespace Nastavnik.Domain.Tests.People;

public class ClassNameTests
{
    [Theory]
    [InlineData("7Б", "7Б")]
    [InlineData("7 Б", "7Б")]
    [InlineData("7-б", "7Б")]
    [InlineData("7б", "7Б")]
    [InlineData(" 10 а ", "10А")]
    [InlineData("11", "11")]
    [InlineData("0-ё", "0Ё")]
    public void Parse_SchoolSpellings_Normalizes(string text, string expected) =>
        Assert.Equal(expected, ClassName.Parse(text)?.ToString());

    [Fact]
    public void Parse_7b_KeepsGradeApart()
    {
        var parsed = ClassName.Parse("7-б");
        Assert.Equal(7, parsed!.Grade);
        Assert.Equal("Б", parsed.Letter);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    [InlineData("Б7")]
    [InlineData("12А")]
    [InlineData("7AB")]
    [InlineData("7A")]
    [InlineData("7ББ")]
    [InlineData("123")]
    public void Parse_NotAClass_ReturnsNull(string? text) => Assert.Null(ClassName.Parse(text));
}
