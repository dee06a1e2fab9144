using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Nastavnik.Data;
using Nastavnik.Data.Entities;
using Nastavnik.Data.Migrations;
using Nastavnik.IntegrationTests.Infrastructure;
using Nastavnik.Web.Infrastructure;

namespace Nastavnik.IntegrationTests.Roadmaps;

/// <summary>
/// The outbox sender against a real socket: a tiny SMTP server on loopback, or a port nobody listens on. Each test
/// has a database of its own, since a sending round takes every due row of the outbox.
/// </summary>
[Collection(Collections.Roadmaps)]
public class EmailSenderTests(AppFixture app)
{
    [Fact]
    public async Task SendDue_ServerUp_DeliversAndMarksSent()
    {
        var cs = await FreshDatabaseAsync();
        using var server = new LoopbackSmtpServer();
        var queued = await QueueAsync(cs, "ivanova@example.org", "Наставник: сроки мероприятий", "Срок мероприятия 1.1. — 15.11.2020");
        await using var factory = ReminderServiceTests.Factory(cs, smtpHost: "127.0.0.1", smtpPort: server.Port);
        var sender = factory.Services.GetRequiredService<EmailSender>();

        var sent = await sender.SendDueAsync();

        Assert.Equal(1, sent);
        var message = Assert.Single(server.Messages);
        Assert.Equal("nastavnik@example.org", message.From);
        Assert.Equal(["ivanova@example.org"], message.To);
        Assert.Contains("Subject:", message.Data);
        await using var db = Db(cs);
        var row = await db.EmailOutbox.SingleAsync(m => m.Id == queued.Id);
        Assert.NotNull(row.SentAt);
        Assert.Equal(0, row.Attempts);
        Assert.Equal(0, await sender.SendDueAsync());
        Assert.Single(server.Messages);
    }

    [Fact]
    public async Task SendDue_NoServer_KeepsRowQueuedWithErrorAndBackoff()
    {
        var cs = await FreshDatabaseAsync();
        var queued = await QueueAsync(cs, "petrov@example.org", "Тема", "Текст");
        var port = Nastavnik.Data.Local.LocalCluster.FreePort();
        await using var factory = ReminderServiceTests.Factory(cs, smtpHost: "127.0.0.1", smtpPort: port);
        var sender = factory.Services.GetRequiredService<EmailSender>();
        var before = DateTimeOffset.UtcNow;

        var sent = await sender.SendDueAsync();

        Assert.Equal(0, sent);
        await using var db = Db(cs);
        var row = await db.EmailOutbox.SingleAsync(m => m.Id == queued.Id);
        Assert.Null(row.SentAt);
        Assert.Equal(1, row.Attempts);
        Assert.NotEqual("", row.LastError);
        Assert.InRange(row.NextAttemptAt, before.AddSeconds(50), DateTimeOffset.UtcNow.AddSeconds(70));
        // Not due again before the back-off has passed: a second round leaves it alone.
        await sender.SendDueAsync();
        Assert.Equal(1, (await Db(cs).EmailOutbox.SingleAsync(m => m.Id == queued.Id)).Attempts);
    }

    [Fact]
    public async Task SendDue_NoHostConfigured_LeavesRowsQueuedUntouched()
    {
        var cs = await FreshDatabaseAsync();
        var queued = await QueueAsync(cs, "sidorova@example.org", "Тема", "Текст");
        await using var factory = ReminderServiceTests.Factory(cs);

        var sent = await factory.Services.GetRequiredService<EmailSender>().SendDueAsync();

        Assert.Equal(0, sent);
        await using var db = Db(cs);
        var row = await db.EmailOutbox.SingleAsync(m => m.Id == queued.Id);
        Assert.Null(row.SentAt);
        Assert.Equal(0, row.Attempts);
        Assert.Equal("", row.LastError);
    }

    [Fact]
    public async Task SendDue_TwoSendersAtOnce_SendEachMessageOnce()
    {
        var cs = await FreshDatabaseAsync();
        using var server = new LoopbackSmtpServer();
        for (var i = 0; i < 30; i++) await QueueAsync(cs, $"user{i}@example.org", "Тема", "Текст");
        await using var node1 = ReminderServiceTests.Factory(cs, smtpHost: "127.0.0.1", smtpPort: server.Port);
        await using var node2 = ReminderServiceTests.Factory(cs, smtpHost: "127.0.0.1", smtpPort: server.Port);

        var counts = await Task.WhenAll(
            node1.Services.GetRequiredService<EmailSender>().SendDueAsync(),
            node2.Services.GetRequiredService<EmailSender>().SendDueAsync());

        Assert.Equal(30, counts.Sum());
        Assert.Equal(30, server.Messages.Count);
        Assert.Equal(30, server.Messages.SelectMany(m => m.To).Distinct().Count());
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(2, 5)]
    [InlineData(3, 30)]
    [InlineData(4, 60)]
    [InlineData(9, 60)]
    public void Backoff_Attempts_OneFiveThirtyThenHourly(int attempts, int minutes) =>
        Assert.Equal(TimeSpan.FromMinutes(minutes), EmailSender.Backoff(attempts));

    private async Task<string> FreshDatabaseAsync()
    {
        var database = "nastavnik_test_mail_" + Guid.NewGuid().ToString("N")[..8];
        await app.Cluster.EnsureDatabaseAsync(database);
        var cs = app.Cluster.ConnectionString(database);
        await MigrationRunner.ApplyAsync(cs, MigrationRunner.FindMigrationsDirectory());
        return cs;
    }

    private static NastavnikDb Db(string cs) => new(new DbContextOptionsBuilder<NastavnikDb>().UseNpgsql(cs).Options);

    private static async Task<EmailMessage> QueueAsync(string cs, string to, string subject, string body)
    {
        await using var db = Db(cs);
        var message = new EmailMessage { ToAddress = to, Subject = subject, Body = body };
        db.EmailOutbox.Add(message);
        await db.SaveChangesAsync();
        return message;
    }

    public sealed record Received(string From, List<string> To, string Data);

    /// <summary>Just enough SMTP (220/250/354/221) on a loopback port to take messages from SmtpClient.</summary>
    private sealed class LoopbackSmtpServer : IDisposable
    {
        private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
        private readonly CancellationTokenSource _stop = new();

        public LoopbackSmtpServer()
        {
            _listener.Start();
            _ = AcceptAsync();
        }

        public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;
        public ConcurrentQueue<Received> Messages { get; } = new();

        private async Task AcceptAsync()
        {
            while (!_stop.IsCancellationRequested)
            {
                TcpClient client;
                try
                {
                    client = await _listener.AcceptTcpClientAsync(_stop.Token);
                }
                catch (Exception)
                {
                    return;
                }
                _ = ServeAsync(client);
            }
        }

        private async Task ServeAsync(TcpClient client)
        {
            using var _ = client;
            await using var stream = client.GetStream();
            using var reader = new StreamReader(stream, Encoding.ASCII);
            await using var writer = new StreamWriter(stream, Encoding.ASCII) { NewLine = "\r\n", AutoFlush = true };
            await writer.WriteLineAsync("220 localhost test SMTP");
            var from = "";
            var to = new List<string>();
            while (await reader.ReadLineAsync() is { } line)
            {
                var command = line.Length >= 4 ? line[..4].ToUpperInvariant() : line.ToUpperInvariant();
                switch (command)
                {
                    case "MAIL":
                        from = Address(line);
                        to = [];
                        await writer.WriteLineAsync("250 OK");
                        break;
                    case "RCPT":
                        to.Add(Address(line));
                        await writer.WriteLineAsync("250 OK");
                        break;
                    case "DATA":
                        await writer.WriteLineAsync("354 End data with <CR><LF>.<CR><LF>");
                        var data = new StringBuilder();
                        while (await reader.ReadLineAsync() is { } dataLine && dataLine != ".") data.AppendLine(dataLine);
                        Messages.Enqueue(new Received(from, to, data.ToString()));
                        await writer.WriteLineAsync("250 OK queued");
                        break;
                    case "QUIT":
                        await writer.WriteLineAsync("221 Bye");
                        return;
                    default:
                        // EHLO/HELO, RSET, NOOP: all fine.
                        await writer.WriteLineAsync("250 localhost");
                        break;
                }
            }
        }

        private static string Address(string line)
        {
            var start = line.IndexOf('<');
            var end = line.IndexOf('>');
            return start >= 0 && end > start ? line[(start + 1)..end] : line;
        }

        public void Dispose()
        {
            _stop.Cancel();
            _listener.Stop();
        }
    }
}
