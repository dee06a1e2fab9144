namespace Nastavnik.Domain.People;

/// <summary>A school class as «7Б»: grade 0–11 and a capital Cyrillic letter (an empty letter for «11»).</summary>
public sealed record ClassName(int Grade, string Letter)
{
    public override string ToString() => $"{Grade}{Letter}";

    /// <summary>
    /// Reads the spellings schools use: «7Б», «7 Б», «7-б», «7б», «10 а» → «7Б», «10А»; a bare grade «11» too.
    /// Null when the text is not a class (no grade, a grade over 11, more than one letter, a Latin letter).
    /// </summary>
    public static ClassName? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var s = text.Trim();
        var i = 0;
        while (i < s.Length && char.IsAsciiDigit(s[i])) i++;
        if (i == 0 || i > 2) return null;
        var grade = int.Parse(s[..i]);
        if (grade > 11) return null;
        var rest = s[i..].Trim().TrimStart('-', '–').Trim();
        if (rest.Length == 0) return new ClassName(grade, "");
        if (rest.Length != 1) return null;
        var letter = char.ToUpperInvariant(rest[0]);
        if (letter is not ((>= 'А' and <= 'Я') or 'Ё')) return null;
        return new ClassName(grade, letter.ToString());
    }
}
