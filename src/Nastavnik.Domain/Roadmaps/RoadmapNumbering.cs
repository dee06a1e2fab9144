using System.Globalization;
using System.Text.RegularExpressions;

namespace Nastavnik.Domain.Roadmaps;

/// <summary>Row numbers as officials write them: «1.», «1.1», «4. 1.», «5.1.2.», «14.», «I этап.», «VII.».</summary>
internal static partial class RoadmapNumbering
{
    /// <param name="Text">As written, inner spaces removed: «4. 1.» → «4.1.»; «I этап» for a stage heading.</param>
    /// <param name="Parts">The Arabic components (empty for a Roman heading).</param>
    /// <param name="Dotted">Written with a trailing dot or with several components — surely a number, not a count.</param>
    /// <param name="Rest">The text after the number on the same line.</param>
    public sealed record Number(string Text, int[] Parts, bool Dotted, bool IsRoman, string Rest);

    /// <summary>A leading Arabic number followed by text or nothing; never a date («04.10.2021») or a year.</summary>
    public static Number? Leading(string line)
    {
        var m = LeadingNumber().Match(line);
        if (!m.Success) return null;
        var digits = m.Groups["n"].Value.Replace(" ", "");
        var parts = digits.Split('.').Select(p => int.Parse(p, CultureInfo.InvariantCulture)).ToArray();
        var dot = m.Groups["dot"].Value;
        return new Number(digits + dot, parts, dot.Length > 0 || parts.Length > 1, false, m.Groups["rest"].Value.Trim());
    }

    /// <summary>«I этап. Подготовка условий…», «VII. Информационная поддержка…», «Этап 2. …»: a stage or part heading.</summary>
    public static Number? Heading(string line)
    {
        var m = RomanHeading().Match(line);
        if (m.Success)
        {
            var stage = m.Groups["etap"].Success ? " этап" : "";
            return new Number(m.Groups["r"].Value + stage, [], true, true, m.Groups["rest"].Value.Trim());
        }
        m = StageHeading().Match(line);
        if (m.Success) return new Number(m.Groups["n"].Value.Trim().TrimEnd('.'), [], true, true, m.Groups["rest"].Value.Trim());
        return null;
    }

    /// <summary>Whether <paramref name="child"/> is numbered under <paramref name="parent"/>: «1.1» under «1.».</summary>
    public static bool IsChild(int[] child, int[] parent) =>
        parent.Length > 0 && child.Length > parent.Length && child.AsSpan(0, parent.Length).SequenceEqual(parent);

    [GeneratedRegex(@"^(?<n>\d{1,2}(?:\s?\.\s?\d{1,2}){0,4})(?<dot>\.?)(?:\s+(?<rest>[^\d\s].*)|(?<rest>[«""(A-Za-zА-Яа-яЁё].*))?$")]
    private static partial Regex LeadingNumber();

    [GeneratedRegex(@"^(?<r>[IVX]{1,4})(?:\s*\.\s*(?<etap>[Ээ]тап\b\.?\s*)?|\s+(?<etap>[Ээ]тап\b\.?\s*))(?<rest>[А-ЯЁA-Z«""].*)$")]
    private static partial Regex RomanHeading();

    [GeneratedRegex(@"^(?<n>(?:\d\s*этап|этап\s*(?:\d|[IVX]{1,4})))\b\.?\s*(?<rest>[А-ЯЁA-Z«""].*)$", RegexOptions.IgnoreCase)]
    private static partial Regex StageHeading();
}

/// <summary>One table row as read, before it is known to be a heading or an item; cells as written.</summary>
internal sealed class RawRow
{
    public string Number { get; set; } = "";
    public bool IsHeading { get; set; }
    public string Title { get; set; } = "";
    public string Deadline { get; set; } = "";
    public string Start { get; set; } = "";
    public string End { get; set; } = "";
    public string Responsible { get; set; } = "";
    public string Regional { get; set; } = "";
    public string Municipal { get; set; } = "";
    public string Organization { get; set; } = "";
    public string Result { get; set; } = "";
    public string Stage { get; set; } = "";

    public bool HasData =>
        Deadline.Length + Start.Length + End.Length + Responsible.Length + Regional.Length + Municipal.Length
        + Organization.Length + Result.Length > 0;

    /// <summary>Appends a row that continues this one (a cell broken across a page), cell by cell.</summary>
    public void Absorb(RawRow next)
    {
        Title = RoadmapCellText.Join(Title, next.Title);
        Deadline = RoadmapCellText.Join(Deadline, next.Deadline);
        Start = RoadmapCellText.Join(Start, next.Start);
        End = RoadmapCellText.Join(End, next.End);
        Responsible = RoadmapCellText.Join(Responsible, next.Responsible);
        Regional = RoadmapCellText.Join(Regional, next.Regional);
        Municipal = RoadmapCellText.Join(Municipal, next.Municipal);
        Organization = RoadmapCellText.Join(Organization, next.Organization);
        Result = RoadmapCellText.Join(Result, next.Result);
        Stage = RoadmapCellText.Join(Stage, next.Stage);
    }
}
