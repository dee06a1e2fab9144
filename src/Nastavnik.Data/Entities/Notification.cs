namespace Nastavnik.Data.Entities;

/// <summary>An in-app message to one user; <see cref="DedupKey"/> makes a reminder appear once.</summary>
public class Notification
{
    public long Id { get; set; }
    public long UserId { get; set; }
    public string Text { get; set; } = "";
    public string Link { get; set; } = "";
    public string DedupKey { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? ReadAt { get; set; }
}
