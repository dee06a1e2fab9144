using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Nastavnik.Data.Entities;

/// <summary>A file held between an import's preview and its confirmation, so any web node can finish it.</summary>
public class Upload
{
    public long Id { get; set; }
    public long UserId { get; set; }
    public string Kind { get; set; } = "";
    public string FileName { get; set; } = "";
    public byte[] Content { get; set; } = [];
    public DateTimeOffset CreatedAt { get; set; }
}

public sealed class UploadConfiguration : IEntityTypeConfiguration<Upload>
{
    public void Configure(EntityTypeBuilder<Upload> b) => b.Property(x => x.CreatedAt).HasDefaultValueSql("now()");
}
