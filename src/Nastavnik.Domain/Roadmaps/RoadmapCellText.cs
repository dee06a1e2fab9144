using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace Nastavnik.Domain.Roadmaps;

/// <summary>
/// Text of one table cell as extraction leaves it: HTML fragments (&lt;p&gt;, &lt;li&gt;, &lt;b&gt;), bold markers «**»,
/// line breaks inside the cell, hyphenated words split across lines. Also the word-shape tests the layout readers use.
/// </summary>
internal static partial class RoadmapCellText
{
    /// <summary>Strips markup and joins the cell's lines: a wrapped line continues the text, a «- » bullet keeps its break.</summary>
    public static string Clean(string? raw)
    {
        if (string.IsNullOrEmpty(raw)) return "";
        var s = raw.Contains("**", StringComparison.Ordinal) ? raw.Replace("**", "") : raw;
        if (s.Contains('<'))
        {
            s = BreakingTag().Replace(s, "\n");
            s = AnyTag().Replace(s, "");
        }
        if (s.Contains('&')) s = WebUtility.HtmlDecode(s);
        return JoinLines(s.Split('\n'));
    }

    public static string JoinLines(IEnumerable<string> lines)
    {
        var sb = new StringBuilder();
        foreach (var raw in lines)
        {
            var line = Squeeze(raw);
            if (line.Length == 0) continue;
            Append(sb, line);
        }
        return sb.ToString();
    }

    /// <summary>Appends a wrapped line to a cell's text.</summary>
    public static void Append(StringBuilder sb, string line)
    {
        if (line.Length == 0) return;
        if (sb.Length == 0)
        {
            sb.Append(line);
            return;
        }
        if (IsBullet(line))
        {
            sb.Append('\n').Append(line);
            return;
        }
        // «контрольно-» + «аналитических» is one word broken at the line end.
        if (sb.Length >= 2 && sb[^1] == '-' && char.IsLetter(sb[^2]) && char.IsLower(line[0]))
        {
            sb.Append(line);
            return;
        }
        sb.Append(' ').Append(line);
    }

    public static string Join(string a, string b) => a.Length == 0 ? b : b.Length == 0 ? a : Append(a, b);

    private static string Append(string a, string b)
    {
        var sb = new StringBuilder(a);
        Append(sb, b);
        return sb.ToString();
    }

    /// <summary>Whitespace of any kind (NBSP, tabs) collapsed to single spaces, soft hyphens dropped, trimmed.</summary>
    public static string Squeeze(string s)
    {
        if (s.Length == 0) return s;
        var sb = new StringBuilder(s.Length);
        var space = false;
        foreach (var c in s)
        {
            if (c == '\u00AD' || c == '\uFEFF' || c == '\u200B') continue;
            if (char.IsWhiteSpace(c))
            {
                space = sb.Length > 0;
                continue;
            }
            if (space) sb.Append(' ');
            space = false;
            sb.Append(c);
        }
        return sb.ToString();
    }

    public static bool IsBullet(string line) =>
        line.Length > 1 && line[0] is ('-' or '–' or '—' or '•' or '·') && (line[1] == ' ' || char.IsLetter(line[1]));

    /// <summary>«Министерство», «Руководители»: a capital then a small letter — how a new cell usually begins.</summary>
    public static bool IsTitlecase(string word) =>
        word.Length >= 2 && char.IsUpper(word[0]) && char.IsLower(word[1]);

    /// <summary>«ОО», «ЦРО», «ГОРУНО», «СП/РИП»: an abbreviation in capitals.</summary>
    public static bool IsCaps(string word)
    {
        var letters = 0;
        foreach (var c in word)
        {
            if (char.IsLetter(c))
            {
                if (!char.IsUpper(c)) return false;
                letters++;
            }
        }
        return letters >= 2;
    }

    public static bool StartsLower(string text) => text.Length > 0 && char.IsLower(text[0]);

    public static string FirstWord(string text)
    {
        var end = text.IndexOf(' ');
        return end < 0 ? text : text[..end];
    }

    /// <summary>An opening «, ( or “ that the text has not closed yet: the cell goes on in the next line.</summary>
    public static bool HasOpenBracket(string text)
    {
        int round = 0, angle = 0;
        foreach (var c in text)
        {
            switch (c)
            {
                case '(': round++; break;
                case ')': round = Math.Max(0, round - 1); break;
                case '«': angle++; break;
                case '»': angle = Math.Max(0, angle - 1); break;
            }
        }
        return round > 0 || angle > 0;
    }

    /// <summary>«Управление образования г.» continues with the town's name on the next line.</summary>
    public static bool EndsWithAbbreviation(string text) =>
        text.EndsWith(" г.", StringComparison.Ordinal) || text.EndsWith(" им.", StringComparison.Ordinal)
        || text.EndsWith(" ул.", StringComparison.Ordinal) || text.EndsWith(" с.", StringComparison.Ordinal)
        || text.EndsWith(" ст.", StringComparison.Ordinal) || text == "г.";

    private static readonly HashSet<string> FunctionWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "в", "во", "на", "с", "со", "к", "ко", "по", "для", "из", "о", "об", "от", "за", "при", "и", "или", "а", "но", "у",
        "до", "между", "через", "про", "без", "над", "под", "перед", "после", "как", "что", "также", "том", "числе", "г.",
    };

    /// <summary>A preposition or conjunction: text that ends with one is not a finished cell.</summary>
    public static bool IsFunctionWord(string word) => FunctionWords.Contains(word.TrimEnd(',', ';', ':'));

    [GeneratedRegex(@"<\s*/?\s*(?:br|p|li|div|tr|ul|ol)\b[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex BreakingTag();

    [GeneratedRegex(@"<[^<>]{0,500}>")]
    private static partial Regex AnyTag();
}
