using Nastavnik.Domain.Territories;

namespace Nastavnik.Domain.Tests.Territories;

public class InnTests
{
    [Theory]
    [InlineData("7707083893")] // ПАО Сбербанк
    [InlineData("7736050003")] // ПАО «Газпром»
    public void IsValidLegalEntity_RealTenDigitInn_ReturnsTrue(string inn)
    {
        Assert.True(Inn.IsValidLegalEntity(inn));
        Assert.True(Inn.IsValid(inn));
    }

    [Fact]
    public void IsValid_TwelveDigitInnWithBothCheckDigitsRight_ReturnsTrue() => Assert.True(Inn.IsValid("500100732259"));

    [Fact]
    public void IsValidLegalEntity_TwelveDigitInn_ReturnsFalse() => Assert.False(Inn.IsValidLegalEntity("500100732259"));

    [Theory]
    [InlineData("7707083894")] // last digit off by one
    [InlineData("7707083883")] // a middle digit changed
    [InlineData("1234567890")]
    public void IsValid_TenDigitsWithWrongCheckDigit_ReturnsFalse(string inn)
    {
        Assert.False(Inn.IsValidLegalEntity(inn));
        Assert.False(Inn.IsValid(inn));
    }

    [Theory]
    [InlineData("500100732258")] // 12th check digit wrong
    [InlineData("500100732269")] // 11th check digit wrong
    public void IsValid_TwelveDigitsWithWrongCheckDigit_ReturnsFalse(string inn) => Assert.False(Inn.IsValid(inn));

    [Theory]
    [InlineData("77070838a3")]
    [InlineData("７７０７０８３８９３")] // full-width digits are not ASCII digits
    [InlineData("7707 83893")]
    [InlineData("50010073225Х")]
    public void IsValid_NonDigitCharacters_ReturnsFalse(string inn) => Assert.False(Inn.IsValid(inn));

    [Theory]
    [InlineData("")]
    [InlineData("770708389")]
    [InlineData("77070838930")]
    [InlineData("5001007322590")]
    public void IsValid_WrongLength_ReturnsFalse(string inn) => Assert.False(Inn.IsValid(inn));
}
