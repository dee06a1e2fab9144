using System.Text.RegularExpressions;

namespace Nastavnik.Domain.People;

/// <summary>A class as journals spell it — «7Б», «7 Б», «7-б», «11а» — read into «7Б» and the grade 7.</summary>
public static partial class ImportClassName
{
    public sealed record Parsed(string Name, int Grade);

    public static Parsed? Parse(string text)
    {
        var match = Pattern().Match(text.Trim());
        if (!match.Success || !int.TryParse(match.Groups[1].Value, out var grade) || grade is < 1 or > 11) return null;
        var letter = match.Groups[2].Value.ToUpperInvariant();
        if (letter == "Ё") letter = "Е";
        return new Parsed($"{grade}{letter}", grade);
    }

    [GeneratedRegex(@"^(\d{1,2})\s*[-–—]?\s*([А-Яа-яЁё])\s*(класс)?$", RegexOptions.IgnoreCase)]
    private static partial Regex Pattern();
}
