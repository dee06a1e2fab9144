namespace Nastavnik.Domain.Text;

public static class RussianPlural
{
    /// <summary>Picks the form for a count: (1) «организация», (2–4) «организации», (5–20, 0) «организаций».</summary>
    public static string Choose(long count, string one, string few, string many)
    {
        var n = Math.Abs(count) % 100;
        if (n is >= 11 and <= 14) return many;
        return (n % 10) switch
        {
            1 => one,
            2 or 3 or 4 => few,
            _ => many,
        };
    }

    public static string Format(long count, string one, string few, string many) =>
        $"{count} {Choose(count, one, few, many)}";
}
