using Nastavnik.Domain.Matching;

namespace Nastavnik.Domain.Tests.Matching;

public class AvailabilityTests
{
    public static TheoryData<string, string> Phrases => new()
    {
        { "пн, ср после 15:00", "пн 15–21, ср 15–21" },
        { "вт–чт 14:00–16:00", "вт 14–16, ср 14–16, чт 14–16" },
        { "по будням после уроков", "пн 14–21, вт 14–21, ср 14–21, чт 14–21, пт 14–21" },
        { "суббота утром", "сб 8–12" },
        { "в любое время", "пн 8–21, вт 8–21, ср 8–21, чт 8–21, пт 8–21, сб 8–21, вс 8–21" },
        { "ежедневно с 16 до 18", "пн 16–18, вт 16–18, ср 16–18, чт 16–18, пт 16–18, сб 16–18, вс 16–18" },
        { "пятница", "пт 8–21" },
        { "Понедельник, среда — после 15", "пн 15–21, ср 15–21" },
        { "с понедельника по пятницу с 17:00 до 19:00", "пн 17–19, вт 17–19, ср 17–19, чт 17–19, пт 17–19" },
        { "пн 15-17, ср 16-18", "пн 15–17, ср 16–18" },
        { "выходные", "сб 8–21, вс 8–21" },
        { "вечером по вторникам", "вт 17–21" },
        { "по средам и пятницам после 4", "ср 16–21, пт 16–21" },
        { "сб, вс до обеда", "сб 8–13, вс 8–13" },
        { "четверг с 9 утра до 12", "чт 9–12" },
        { "вт 15:30–17:30", "вт 15–18" },
        { "пн-пт после 18:00", "пн 18–21, вт 18–21, ср 18–21, чт 18–21, пт 18–21" },
        { "будни вечером, суббота утром", "пн 17–21, вт 17–21, ср 17–21, чт 17–21, пт 17–21, сб 8–12" },
        { "каждый день после 19", "пн 19–21, вт 19–21, ср 19–21, чт 19–21, пт 19–21, сб 19–21, вс 19–21" },
        { "в любое время кроме воскресенья", "пн 8–21, вт 8–21, ср 8–21, чт 8–21, пт 8–21, сб 8–21" },
        { "ВТОРНИК И ЧЕТВЕРГ ДНЁМ", "вт 12–17, чт 12–17" },
        { "пт с 14 ч", "пт 14–21" },
        { "после обеда в субботу", "сб 13–21" },
        { "сб 10.00-12.00; вс 11-13", "сб 10–12, вс 11–13" },
        { "до 6 вечера по пятницам", "пт 8–18" },
        { "пт-пн 16-18", "пн 16–18, пт 16–18, сб 16–18, вс 16–18" },
    };

    [Theory]
    [MemberData(nameof(Phrases))]
    public void Parse_RussianPhrase_GivesSlots(string text, string expected)
    {
        Assert.Equal(expected, Availability.Parse(text).ToString());
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    [InlineData("договоримся")]
    public void Parse_EmptyOrNothingUnderstood_IsUnknown(string? text)
    {
        Assert.True(Availability.Parse(text).IsUnknown);
    }

    [Fact]
    public void Overlap_MentorHasHalfOfMenteeSlots_IsHalf()
    {
        var mentee = Availability.Parse("пн, ср после 15:00");
        var mentor = Availability.Parse("понедельник");

        Assert.Equal(0.5, Availability.Overlap(mentee, mentor));
    }

    [Fact]
    public void Overlap_MentorCoversAll_IsOneAndDisjoint_IsZero()
    {
        var mentee = Availability.Parse("вт 14-16");

        Assert.Equal(1.0, Availability.Overlap(mentee, Availability.Parse("в любое время")));
        Assert.Equal(0.0, Availability.Overlap(mentee, Availability.Parse("суббота")));
    }

    [Fact]
    public void Overlap_EitherSideUnknown_IsNeutralHalf()
    {
        var known = Availability.Parse("пятница");

        Assert.Equal(0.5, Availability.Overlap(known, WeeklySlots.Unknown));
        Assert.Equal(0.5, Availability.Overlap(WeeklySlots.Unknown, known));
    }
}
