using Microsoft.EntityFrameworkCore;
using Nastavnik.Data;
using Nastavnik.Data.Entities;

namespace Nastavnik.Web.Features.Shared;

/// <summary>
/// In-app notifications and their e-mails. Both are only added to the caller's DbContext, so a notification and its
/// mail are saved in the caller's transaction, together or not at all; <see cref="Infrastructure.EmailSender"/>
/// delivers the queued mail later.
/// </summary>
public static class Notifier
{
    /// <summary>
    /// One notification. <paramref name="DedupKey"/> makes a reminder appear once per user; <paramref name="Email"/>,
    /// the user's address if any, and <paramref name="Name"/> are for the e-mail.
    /// </summary>
    public sealed record Note(long UserId, string Text, string Link, string DedupKey = "", string? Email = null, string Name = "");

    /// <summary>What an e-mail says.</summary>
    public sealed record Letter(string Subject, string Body);

    /// <summary>The notes not made before (same user and dedup key), each once.</summary>
    public static async Task<List<Note>> FreshAsync(NastavnikDb db, IReadOnlyCollection<Note> notes, CancellationToken ct = default)
    {
        var keys = notes.Select(n => n.DedupKey).Distinct().ToArray();
        var existing = (await db.Notifications.AsNoTracking().Where(n => keys.Contains(n.DedupKey))
            .Select(n => new { n.UserId, n.DedupKey }).ToListAsync(ct))
            .Select(n => (n.UserId, n.DedupKey)).ToHashSet();
        return notes.DistinctBy(n => (n.UserId, n.DedupKey)).Where(n => !existing.Contains((n.UserId, n.DedupKey))).ToList();
    }

    /// <summary>
    /// Adds the notifications and, when <paramref name="letter"/> is given, queues one e-mail per user with an address,
    /// worded by it from that user's notes. Returns how many e-mails were queued.
    /// </summary>
    public static async Task<int> AddAsync(NastavnikDb db, IEnumerable<Note> notes, DateTimeOffset now,
        Func<IReadOnlyList<Note>, Letter>? letter = null, CancellationToken ct = default)
    {
        var list = notes.ToList();
        // A person who withdrew consent (or whose data is destroyed) is neither notified nor e-mailed: UsableUsers.
        if (list.Count > 0)
        {
            var ids = list.Select(n => n.UserId).Distinct().ToArray();
            var usable = (await db.UsableUsers.Where(u => ids.Contains(u.Id)).Select(u => u.Id).ToListAsync(ct)).ToHashSet();
            list = list.Where(n => usable.Contains(n.UserId)).ToList();
        }
        return AddUsable(db, list, now, letter);
    }

    private static int AddUsable(NastavnikDb db, List<Note> list, DateTimeOffset now, Func<IReadOnlyList<Note>, Letter>? letter)
    {
        foreach (var n in list)
        {
            db.Notifications.Add(new Notification { UserId = n.UserId, Text = n.Text, Link = n.Link, DedupKey = n.DedupKey, CreatedAt = now });
        }
        if (letter is null) return 0;
        var emails = 0;
        foreach (var mine in list.Where(n => !string.IsNullOrWhiteSpace(n.Email)).GroupBy(n => n.UserId).Select(g => g.ToList()))
        {
            var (subject, body) = letter(mine);
            db.EmailOutbox.Add(new EmailMessage
            {
                ToAddress = mine[0].Email!.Trim(), Subject = subject, Body = body, CreatedAt = now, NextAttemptAt = now,
            });
            emails++;
        }
        return emails;
    }

    /// <summary>Notifies every active login of a person (none when they have no login), without e-mail.</summary>
    public static async Task ToPersonAsync(NastavnikDb db, long personId, string text, string link, DateTimeOffset now)
    {
        var users = await db.UsableUsers.Where(u => u.PersonId == personId).Select(u => u.Id).ToListAsync();
        AddUsable(db, users.Select(id => new Note(id, text, link)).ToList(), now, null);
    }
}
