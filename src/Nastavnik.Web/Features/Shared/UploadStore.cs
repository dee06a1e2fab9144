using Microsoft.EntityFrameworkCore;
using Nastavnik.Data;
using Nastavnik.Data.Entities;

namespace Nastavnik.Web.Features.Shared;

/// <summary>Keeps an uploaded file in the database between an import's preview and its confirmation (any web node).</summary>
public static class UploadStore
{
    public static async Task<long> SaveAsync(NastavnikDb db, long userId, string kind, string fileName, byte[] content, DateTimeOffset now)
    {
        // Previews nobody finished are dropped a day later, so the table holds only files still being looked at.
        var dayAgo = now.AddDays(-1);
        var stale = await db.Uploads.Where(u => u.UserId == userId && u.Kind == kind && u.CreatedAt < dayAgo).Select(u => u.Id).ToListAsync();
        db.Uploads.RemoveRange(stale.Select(id => new Upload { Id = id }));
        var upload = new Upload { UserId = userId, Kind = kind, FileName = fileName.Length > 255 ? fileName[^255..] : fileName, Content = content };
        db.Uploads.Add(upload);
        await db.SaveChangesAsync();
        return upload.Id;
    }
}
