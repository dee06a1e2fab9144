using Microsoft.EntityFrameworkCore;
using Nastavnik.Data;
using Nastavnik.Data.Entities;
using Nastavnik.Web.Infrastructure;

namespace Nastavnik.Web.Features.Shared;

/// <summary>
/// The first step of every import: the uploaded file is checked (name and size before it is read, then its content)
/// and kept in the database between the preview and the confirmation, so any web node can serve the next step. Only
/// the user who sent a file finds it again.
/// </summary>
public sealed class UploadStore(NastavnikDb db, CurrentUser me, TimeProvider clock)
{
    /// <summary>
    /// Stores <paramref name="file"/> unless it is missing, <paramref name="check"/> refuses its name and size, or
    /// <paramref name="read"/> cannot use its content: then the id is null and the error says why, in Russian.
    /// </summary>
    public async Task<(long? Id, string? Error)> AcceptAsync(string kind, IFormFile? file, Func<string, long, string?> check,
        Func<string, byte[], string?> read, string missing = "Выберите файл для загрузки")
    {
        if (file is null) return (null, missing);
        var fileName = Path.GetFileName(file.FileName);
        if (check(fileName, file.Length) is { } refused) return (null, refused);
        using var buffer = new MemoryStream();
        await file.CopyToAsync(buffer);
        var content = buffer.ToArray();
        if (read(fileName, content) is { } unreadable) return (null, unreadable);
        return (await SaveAsync(kind, fileName, content), null);
    }

    /// <summary>The signed-in user's stored file of this kind, or null.</summary>
    public async Task<Upload?> FindAsync(string kind, long id)
    {
        var userId = me.Id;
        return await db.Uploads.SingleOrDefaultAsync(u => u.Id == id && u.UserId == userId && u.Kind == kind);
    }

    private async Task<long> SaveAsync(string kind, string fileName, byte[] content)
    {
        var userId = me.Id!.Value;
        // Previews nobody finished are dropped a day later, so the table holds only files still being looked at.
        var dayAgo = clock.GetUtcNow().AddDays(-1);
        var stale = await db.Uploads.Where(u => u.UserId == userId && u.Kind == kind && u.CreatedAt < dayAgo).Select(u => u.Id).ToListAsync();
        db.Uploads.RemoveRange(stale.Select(id => new Upload { Id = id }));
        var upload = new Upload { UserId = userId, Kind = kind, FileName = fileName.Length > 255 ? fileName[^255..] : fileName, Content = content };
        db.Uploads.Add(upload);
        await db.SaveChangesAsync();
        return upload.Id;
    }
}
