namespace Nastavnik.Domain.Roadmaps;

public enum RoadmapLevel { Region, Municipality, Organization }

/// <summary>черновик → на согласовании → возвращена на доработку → согласована → утверждена.</summary>
public enum RoadmapStatus { Draft, Submitted, Returned, Agreed, Approved }

public enum OccurrenceStatus { NotStarted, InProgress, Done, NotDone, NotRequired }

public static class RoadmapTerms
{
    public static string Title(this RoadmapStatus status) => status switch
    {
        RoadmapStatus.Draft => "Черновик",
        RoadmapStatus.Submitted => "На согласовании",
        RoadmapStatus.Returned => "Возвращена на доработку",
        RoadmapStatus.Agreed => "Согласована",
        RoadmapStatus.Approved => "Утверждена",
        _ => throw new ArgumentOutOfRangeException(nameof(status)),
    };

    public static string Title(this OccurrenceStatus status) => status switch
    {
        OccurrenceStatus.NotStarted => "Не начато",
        OccurrenceStatus.InProgress => "В работе",
        OccurrenceStatus.Done => "Выполнено",
        OccurrenceStatus.NotDone => "Не выполнено",
        OccurrenceStatus.NotRequired => "Не требуется",
        _ => throw new ArgumentOutOfRangeException(nameof(status)),
    };

    public static string Title(this RoadmapLevel level) => level switch
    {
        RoadmapLevel.Region => "Региональная",
        RoadmapLevel.Municipality => "Муниципальная",
        RoadmapLevel.Organization => "Организации",
        _ => throw new ArgumentOutOfRangeException(nameof(level)),
    };

    /// <summary>
    /// Whether a responsible-party text names organizations («Руководители ОО», «кураторы внедрения ЦМН»,
    /// «Образовательные учреждения»…): such an item of a municipal or regional roadmap fans out into one occurrence
    /// per organization in the roadmap's territory (DOMAIN.md §8, seeded mapping).
    /// </summary>
    public static bool NamesOrganizations(string? responsible)
    {
        if (string.IsNullOrWhiteSpace(responsible)) return false;
        var t = responsible.ToLowerInvariant().Replace('ё', 'е');
        string[] markers =
        [
            "руководител", "оо", "образовательные учреждения", "образовательные организации", "куратор",
            "зам.директор", "заместител", "ответственные за корпоративное обучение", "педагогические работники",
        ];
        return markers.Any(m => m == "оо" ? HasWord(t, "оо") || HasWord(t, "оу") : t.Contains(m));
    }

    private static bool HasWord(string text, string word)
    {
        var i = text.IndexOf(word, StringComparison.Ordinal);
        while (i >= 0)
        {
            var before = i == 0 || !char.IsLetter(text[i - 1]);
            var after = i + word.Length >= text.Length || !char.IsLetter(text[i + word.Length]);
            if (before && after) return true;
            i = text.IndexOf(word, i + 1, StringComparison.Ordinal);
        }
        return false;
    }
}
