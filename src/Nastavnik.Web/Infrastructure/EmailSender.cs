using System.Net;
using System.Net.Mail;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Nastavnik.Data;
using Nastavnik.Data.Entities;

namespace Nastavnik.Web.Infrastructure;

/// <summary>
/// Sends the e-mail outbox through the configured SMTP server. Rows are taken with FOR UPDATE SKIP LOCKED inside a
/// transaction, so with several web nodes each message is sent by one of them. A failure is recorded on the row
/// (attempts, last error) and retried later: 1, 5, 30 minutes, then hourly. Without a configured host nothing is
/// sent and the rows wait in the outbox.
/// </summary>
public sealed class EmailSender(IServiceScopeFactory scopes, IOptions<EmailSender.Settings> settings, TimeProvider clock,
    ILogger<EmailSender> log) : BackgroundService
{
    /// <summary>Bound from <c>Nastavnik:Smtp</c>.</summary>
    public sealed class Settings
    {
        /// <summary>Off: the background loop does not run (a round may still be started by calling it).</summary>
        public bool Enabled { get; set; } = true;
        /// <summary>Empty: sending is off and messages stay queued.</summary>
        public string Host { get; set; } = "";
        public int Port { get; set; } = 25;
        public string From { get; set; } = "nastavnik@localhost";
        public string UserName { get; set; } = "";
        public string Password { get; set; } = "";
        public bool EnableSsl { get; set; }
        public double PollSeconds { get; set; } = 30;
        public int BatchSize { get; set; } = 20;
        public int TimeoutSeconds { get; set; } = 30;
    }

    private int _disabledLogged;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!settings.Value.Enabled)
        {
            log.LogInformation("E-mail outbox sender is switched off (Nastavnik:Smtp:Enabled = false)");
            return;
        }
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(Math.Max(1, settings.Value.PollSeconds)), clock);
        do
        {
            try
            {
                await SendDueAsync(stoppingToken);
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                log.LogError(e, "E-mail outbox round failed");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>Sends what is due now; returns how many went out. Public so tests can run a round directly.</summary>
    public async Task<int> SendDueAsync(CancellationToken ct = default)
    {
        var s = settings.Value;
        if (string.IsNullOrWhiteSpace(s.Host))
        {
            if (Interlocked.Exchange(ref _disabledLogged, 1) == 0)
            {
                log.LogWarning("E-mail sending is off: Nastavnik:Smtp:Host is not set; messages stay in the outbox");
            }
            return 0;
        }
        var sent = 0;
        while (!ct.IsCancellationRequested)
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<NastavnikDb>();
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            var now = clock.GetUtcNow();
            var batch = await db.EmailOutbox.FromSql($"""
                select * from email_outbox
                where sent_at is null and next_attempt_at <= {now}
                order by next_attempt_at, id
                limit {s.BatchSize}
                for update skip locked
                """).ToListAsync(ct);
            if (batch.Count == 0) break;

            var serverDown = false;
            using (var smtp = Client(s))
            {
                foreach (var message in batch)
                {
                    try
                    {
                        using var mail = Mail(s, message);
                        await smtp.SendMailAsync(mail, ct);
                        message.SentAt = clock.GetUtcNow();
                        message.LastError = "";
                        sent++;
                    }
                    catch (Exception e) when (e is not OperationCanceledException)
                    {
                        message.Attempts++;
                        message.LastError = Describe(e);
                        message.NextAttemptAt = clock.GetUtcNow() + Backoff(message.Attempts);
                        log.LogWarning("E-mail {Id} to {To} not sent (attempt {Attempts}): {Error}", message.Id, message.ToAddress,
                            message.Attempts, message.LastError);
                        // A refused or malformed address is this message's problem; anything else means the server is
                        // unreachable or refusing us, and the rest of the batch waits for the next round.
                        if (e is not (SmtpFailedRecipientException or FormatException))
                        {
                            serverDown = true;
                            break;
                        }
                    }
                }
            }
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            if (serverDown || batch.Count < s.BatchSize) break;
        }
        return sent;
    }

    /// <summary>1, 5, 30 minutes, then hourly.</summary>
    public static TimeSpan Backoff(int attempts) => attempts switch
    {
        <= 1 => TimeSpan.FromMinutes(1),
        2 => TimeSpan.FromMinutes(5),
        3 => TimeSpan.FromMinutes(30),
        _ => TimeSpan.FromHours(1),
    };

    private static SmtpClient Client(Settings s) => new(s.Host, s.Port)
    {
        EnableSsl = s.EnableSsl,
        DeliveryMethod = SmtpDeliveryMethod.Network,
        Timeout = s.TimeoutSeconds * 1000,
        UseDefaultCredentials = false,
        Credentials = string.IsNullOrEmpty(s.UserName) ? null : new NetworkCredential(s.UserName, s.Password),
    };

    private static MailMessage Mail(Settings s, EmailMessage m) => new(s.From, m.ToAddress, m.Subject, m.Body)
    {
        SubjectEncoding = Encoding.UTF8,
        BodyEncoding = Encoding.UTF8,
        HeadersEncoding = Encoding.UTF8,
    };

    private static string Describe(Exception e)
    {
        var text = e.InnerException is { } inner ? $"{e.Message} ({inner.Message})" : e.Message;
        return text.Length > 2000 ? text[..2000] : text;
    }
}
