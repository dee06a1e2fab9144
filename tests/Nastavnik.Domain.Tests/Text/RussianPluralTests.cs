using Nastavnik.Domain.Text;

namespace Nastavnik.Domain.Tests.Text;

public class RussianPluralTests
{
    [Theory]
    [InlineData(0, "0 организаций")]
    [InlineData(1, "1 организация")]
    [InlineData(2, "2 организации")]
    [InlineData(4, "4 организации")]
    [InlineData(5, "5 организаций")]
    [InlineData(11, "11 организаций")]
    [InlineData(12, "12 организаций")]
    [InlineData(14, "14 организаций")]
    [InlineData(21, "21 организация")]
    [InlineData(22, "22 организации")]
    [InlineData(111, "111 организаций")]
    [InlineData(1001, "1001 организация")]
    public void Format_Count_PicksRussianForm(long count, string expected) =>
        Assert.Equal(expected, RussianPlural.Format(count, "организация", "организации", "организаций"));
}
