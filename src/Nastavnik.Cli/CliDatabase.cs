using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Nastavnik.Data;
using Nastavnik.Data.Local;
using Nastavnik.Data.Migrations;

namespace Nastavnik.Cli;

/// <summary>
/// The connection every verb uses: ConnectionStrings:Nastavnik from the environment or appsettings when set;
/// otherwise the zero-config local cluster, created and started on first use. That is the application's role, which
/// may not change the audit log; migrations run as the owner (<see cref="ResolveOwnerAsync"/>).
/// </summary>
public static class CliDatabase
{
    public const int DefaultLocalPort = 55432;

    public static IConfiguration Configuration(string[] args) => new ConfigurationBuilder()
        .SetBasePath(AppContext.BaseDirectory)
        .AddJsonFile("appsettings.json", optional: true)
        .AddEnvironmentVariables()
        .AddCommandLine(args)
        .Build();

    public static async Task<(string ConnectionString, bool Local)> ResolveAsync(IConfiguration config)
    {
        var configured = config.GetConnectionString(DataServices.ConnectionStringName);
        if (!string.IsNullOrWhiteSpace(configured)) return (configured, false);
        var port = config.GetValue("Nastavnik:LocalDb:Port", DefaultLocalPort);
        var cluster = await LocalCluster.EnsureStartedAsync(LocalCluster.DefaultDirectory(), port, Console.Out);
        return (cluster.AppConnectionString(), true);
    }

    /// <summary>
    /// The schema owner's connection, for migrations: ConnectionStrings:NastavnikOwner when set; else
    /// ConnectionStrings:Nastavnik (a server configured with one role for both); else the local cluster's owner.
    /// </summary>
    public static async Task<string> ResolveOwnerAsync(IConfiguration config)
    {
        var owner = config.GetConnectionString(OwnerConnectionStringName);
        if (!string.IsNullOrWhiteSpace(owner)) return owner;
        var configured = config.GetConnectionString(DataServices.ConnectionStringName);
        if (!string.IsNullOrWhiteSpace(configured)) return configured;
        var port = config.GetValue("Nastavnik:LocalDb:Port", DefaultLocalPort);
        var cluster = await LocalCluster.EnsureStartedAsync(LocalCluster.DefaultDirectory(), port, Console.Out);
        return cluster.ConnectionString();
    }

    public const string OwnerConnectionStringName = "NastavnikOwner";

    public static async Task MigrateAsync(string connectionString)
    {
        try
        {
            await MigrationRunner.ApplyAsync(connectionString, MigrationRunner.FindMigrationsDirectory(), Console.Out);
        }
        catch (MigrationMismatchException e)
        {
            // Printed like every other CLI error (Russian, no stack trace, exit code 1); `serve` does not start.
            var parts = new List<string>();
            if (e.Edited.Count > 0)
            {
                parts.Add($"применённые к базе миграции изменены после применения: {string.Join(", ", e.Edited)}. "
                          + "Применённую миграцию нельзя редактировать — верните её текст и добавьте новую миграцию");
            }

            if (e.Missing.Count > 0)
            {
                parts.Add($"нет файлов применённых к базе миграций: {string.Join(", ", e.Missing)}. "
                          + "Применённую миграцию нельзя удалять или переименовывать (или база обновлена более новой версией программы)");
            }

            throw new CliException(string.Join("; ", parts) + ".");
        }
    }

    public static NastavnikDb Open(string connectionString, AuditActor actor) =>
        new(new DbContextOptionsBuilder<NastavnikDb>().UseNpgsql(connectionString).Options, actor);

    /// <summary>The CLI's actor: "cli", not the operator's OS login (the audit log keeps no names).</summary>
    public static AuditActor Actor => AuditActor.Cli;
}
