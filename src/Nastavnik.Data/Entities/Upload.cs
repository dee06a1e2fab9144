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
