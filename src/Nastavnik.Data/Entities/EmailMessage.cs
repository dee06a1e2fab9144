using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Nastavnik.Data.Entities;

/// <summary>A row of the e-mail outbox: queued in the same transaction as its cause, sent by a background worker.</summary>
public class EmailMessage
{
    public long Id { get; set; }
    public string ToAddress { get; set; } = "";
    public string Subject { get; set; } = "";
    public string Body { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
    public int Attempts { get; set; }
    public DateTimeOffset NextAttemptAt { get; set; }
    public string LastError { get; set; } = "";
    public DateTimeOffset? SentAt { get; set; }
}

public sealed class EmailMessageConfiguration : IEntityTypeConfiguration<EmailMessage>
{
    public void Configure(EntityTypeBuilder<EmailMessage> b)
    {
        b.Property(x => x.CreatedAt).HasDefaultValueSql("now()");
        b.Property(x => x.NextAttemptAt).HasDefaultValueSql("now()");
    }
}
