namespace Nastavnik.Domain.Pairs;

/// <summary>
/// The watch lists of active pairs (DOMAIN.md §4): no meeting for 30 days («нет активности»), no feedback from one of
/// the sides for 30 days, low ratings over the last 30 days. Counting starts at the pair's start when nothing happened yet.
/// The SQL twin is <c>WatchQuery</c> in the web project.
/// </summary>
public static class WatchRules
{
    public const int StalledDays = 30;
    public const int FeedbackDays = 30;
    public const int RatingDays = 30;
    /// <summary>An average usefulness or comfort below this (of 10) over the last 30 days is low.</summary>
    public const int LowRating = 5;

    public static bool IsStalled(DateOnly start, DateOnly? lastMeeting, DateOnly today) =>
        (lastMeeting ?? start) <= today.AddDays(-StalledDays);

    /// <summary>Dates are the Moscow days of each side's latest feedback.</summary>
    public static bool MissesFeedback(DateOnly start, DateOnly? lastMentorFeedback, DateOnly? lastMenteeFeedback, DateOnly today) =>
        (lastMentorFeedback ?? start) <= today.AddDays(-FeedbackDays) || (lastMenteeFeedback ?? start) <= today.AddDays(-FeedbackDays);

    /// <summary>The first day of the rating window that ends today.</summary>
    public static DateOnly RatingsFrom(DateOnly today) => today.AddDays(-(RatingDays - 1));

    public static bool HasLowRatings(IReadOnlyCollection<(int Usefulness, int Comfort)> recent) =>
        recent.Count > 0 && (recent.Average(r => r.Usefulness) < LowRating || recent.Average(r => r.Comfort) < LowRating);
}
