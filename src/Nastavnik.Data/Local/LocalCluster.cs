using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using Npgsql;

namespace Nastavnik.Data.Local;

/// <summary>
/// A private PostgreSQL cluster in a folder of our own, bound to 127.0.0.1 on its own port: what `nastavnik serve`
/// and the CLI use when no connection string is configured, and what the tests start for themselves.
/// As root the server runs as the `postgres` OS user (PostgreSQL refuses to run as root).
/// Two roles, as on a production server: the owner (the cluster's superuser) runs migrations and creates databases;
/// the application role <see cref="AppRole"/> (login + its own password) is what the site and the CLI's data verbs
/// connect as. Migration 21 grants it what the application needs and no UPDATE/DELETE/TRUNCATE on the audit log.
/// </summary>
public sealed class LocalCluster
{
    public const string Database = "nastavnik";
    private const string SuperUser = "nastavnik";
    /// <summary>The application's role; migration 21 creates it (nologin) when absent and grants to it.</summary>
    public const string AppRole = "nastavnik_app";

    private LocalCluster(string directory, int port, string password, string appPassword)
    {
        Home = directory;
        Port = port;
        Password = password;
        AppPassword = appPassword;
    }

    public string Home { get; }
    public int Port { get; }
    private string Password { get; }
    private string AppPassword { get; }
    private string DataDir => Path.Combine(Home, "data");

    public string ConnectionString(string database = Database) => new NpgsqlConnectionStringBuilder
    {
        Host = "127.0.0.1", Port = Port, Username = SuperUser, Password = Password, Database = database,
    }.ConnectionString;

    /// <summary>The application role's connection: what the site uses; it may not change or delete audit rows.</summary>
    public string AppConnectionString(string database = Database) => new NpgsqlConnectionStringBuilder
    {
        Host = "127.0.0.1", Port = Port, Username = AppRole, Password = AppPassword, Database = database,
    }.ConnectionString;

    /// <summary>The default home of the cluster: under the user's data folder; for root, /var/lib/nastavnik,
    /// because the postgres user cannot enter /root.</summary>
    public static string DefaultDirectory() =>
        Environment.GetEnvironmentVariable("NASTAVNIK_HOME") is { Length: > 0 } home ? Path.Combine(home, "pg")
        : IsRoot ? "/var/lib/nastavnik/pg"
        : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.Create), "nastavnik", "pg");

    /// <summary>Creates the cluster on first use (port and password remembered in the folder), starts it if it is
    /// not running, and makes sure the application database exists.</summary>
    public static async Task<LocalCluster> EnsureStartedAsync(string directory, int preferredPort, TextWriter log)
    {
        Directory.CreateDirectory(directory);
        var settingsFile = Path.Combine(directory, "cluster.conf");
        LocalCluster cluster;
        if (File.Exists(Path.Combine(directory, "data", "PG_VERSION")) && File.Exists(settingsFile))
        {
            var lines = (await File.ReadAllLinesAsync(settingsFile)).Select(l => l.Split('=', 2)).ToDictionary(p => p[0], p => p[1]);
            // A cluster created before the application role existed gets its password now.
            if (!lines.TryGetValue("app_password", out var appPassword))
            {
                appPassword = NewPassword();
                await File.AppendAllTextAsync(settingsFile, $"app_password={appPassword}\n");
            }
            cluster = new LocalCluster(directory, int.Parse(lines["port"]), lines["password"], appPassword);
        }
        else
        {
            var port = preferredPort == 0 || !PortIsFree(preferredPort) ? FreePort() : preferredPort;
            cluster = new LocalCluster(directory, port, NewPassword(), NewPassword());
            await cluster.InitAsync(log);
            await File.WriteAllTextAsync(settingsFile, $"port={cluster.Port}\npassword={cluster.Password}\napp_password={cluster.AppPassword}\n");
            // The password is in this file: only its owner may read it (Windows has no such mode; the cluster runs on Linux).
            if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(settingsFile, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
        await cluster.StartAsync(log);
        await cluster.EnsureAppRoleAsync();
        await cluster.EnsureDatabaseAsync(Database);
        return cluster;
    }

    private static string NewPassword() => Convert.ToHexString(RandomNumberGenerator.GetBytes(16)).ToLowerInvariant();

    /// <summary>
    /// The application role with login and this cluster's password. It may already exist without login: migration 21
    /// creates it so that its grants work on any server; here the local cluster makes it a login.
    /// </summary>
    private async Task EnsureAppRoleAsync()
    {
        await using var conn = new NpgsqlConnection(ConnectionString("postgres") + ";Pooling=false");
        await conn.OpenAsync();
        // The password is hex (NewPassword): safe inside a literal; DDL takes no parameters.
        await using var cmd = new NpgsqlCommand($"""
            do $$ begin
                if exists (select from pg_roles where rolname = '{AppRole}') then
                    alter role {AppRole} login password '{AppPassword}';
                else
                    create role {AppRole} login password '{AppPassword}';
                end if;
            end $$
            """, conn);
        await cmd.ExecuteNonQueryAsync();
    }

    public async Task EnsureDatabaseAsync(string name)
    {
        // Unpooled: the server may have been restarted since the last use of this connection string.
        await using var conn = new NpgsqlConnection(ConnectionString("postgres") + ";Pooling=false");
        await conn.OpenAsync();
        await using var check = new NpgsqlCommand("select 1 from pg_database where datname = @n", conn);
        check.Parameters.AddWithValue("n", name);
        if (await check.ExecuteScalarAsync() is null)
        {
            await using var create = new NpgsqlCommand($"create database \"{name.Replace("\"", "")}\" encoding 'UTF8' template template0", conn);
            await create.ExecuteNonQueryAsync();
        }
    }

    private async Task InitAsync(TextWriter log, bool durable = true)
    {
        if (Directory.Exists(DataDir)) Directory.Delete(DataDir, true);
        log.WriteLine($"Creating a PostgreSQL cluster in {DataDir} (port {Port})…");
        var pwFile = Path.Combine(Home, "initdb.pw");
        await File.WriteAllTextAsync(pwFile, Password);
        try
        {
            if (IsRoot) await Run("chown", ["-R", "postgres:postgres", Home]);
            await RunPg("initdb", ["-D", DataDir, "-U", SuperUser, "--pwfile", pwFile, "--auth", "scram-sha-256",
                "--encoding", "UTF8", "--locale", "C.UTF-8", "--no-instructions"]);
        }
        finally
        {
            File.Delete(pwFile);
        }
        var conf = Path.Combine(DataDir, "postgresql.conf");
        // Only the loopback address and no Unix socket: nothing outside this machine, no clash with a system cluster.
        await File.AppendAllTextAsync(conf,
            $"\nlisten_addresses = '127.0.0.1'\nport = {Port}\nunix_socket_directories = ''\nmax_connections = 200\n" +
            "shared_buffers = 128MB\nlog_min_messages = warning\n" +
            // A throwaway cluster (tests, benchmarks) is deleted after use: flushing to disk only costs time there.
            (durable ? "fsync = on\n" : "fsync = off\nsynchronous_commit = off\nfull_page_writes = off\n"));
    }

    public async Task StartAsync(TextWriter log)
    {
        if (await IsReadyAsync()) return;
        log.WriteLine($"Starting PostgreSQL on 127.0.0.1:{Port}…");
        var logFile = Path.Combine(Home, "postgres.log");
        if (IsRoot && !File.Exists(logFile))
        {
            await File.WriteAllTextAsync(logFile, "");
            await Run("chown", ["postgres:postgres", logFile]);
        }
        await RunPg("pg_ctl", ["-D", DataDir, "-l", logFile, "-w", "-t", "60", "start"]);
        for (var i = 0; i < 100 && !await IsReadyAsync(); i++) await Task.Delay(100);
        if (!await IsReadyAsync()) throw new InvalidOperationException($"PostgreSQL did not start; see {logFile}");
    }

    public async Task StopAsync()
    {
        if (Directory.Exists(DataDir)) await RunPg("pg_ctl", ["-D", DataDir, "-m", "fast", "-w", "stop"], ignoreFailure: true);
    }

    private async Task<bool> IsReadyAsync()
    {
        try
        {
            await using var conn = new NpgsqlConnection(ConnectionString("postgres") + ";Timeout=2;Pooling=false");
            await conn.OpenAsync();
            return true;
        }
        catch (Exception e) when (e is NpgsqlException or SocketException or TimeoutException)
        {
            return false;
        }
    }

    public static bool IsRoot => Environment.UserName == "root" || geteuid() == 0;

    [System.Runtime.InteropServices.DllImport("libc")]
    private static extern uint geteuid();

    /// <summary>The PostgreSQL server binaries: on PATH, else Debian's /usr/lib/postgresql/NN/bin (newest).</summary>
    public static string? FindBinDirectory()
    {
        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries))
        {
            if (File.Exists(Path.Combine(dir, "pg_ctl")) && File.Exists(Path.Combine(dir, "initdb"))) return dir;
        }
        const string debian = "/usr/lib/postgresql";
        if (!Directory.Exists(debian)) return null;
        return Directory.GetDirectories(debian)
            .Select(d => (dir: Path.Combine(d, "bin"), version: int.TryParse(Path.GetFileName(d), out var v) ? v : 0))
            .Where(x => File.Exists(Path.Combine(x.dir, "pg_ctl")))
            .OrderByDescending(x => x.version).Select(x => x.dir).FirstOrDefault();
    }

    private static Task RunPg(string tool, IReadOnlyList<string> args, bool ignoreFailure = false)
    {
        var bin = FindBinDirectory() ?? throw new InvalidOperationException(
            "PostgreSQL server binaries (initdb, pg_ctl) were not found. Install the Debian package: apt-get install postgresql");
        var exe = Path.Combine(bin, tool);
        return IsRoot
            ? Run("runuser", ["-u", "postgres", "--", exe, .. args], ignoreFailure)
            : Run(exe, args, ignoreFailure);
    }

    private static async Task Run(string file, IReadOnlyList<string> args, bool ignoreFailure = false)
    {
        var psi = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = "/" };
        foreach (var a in args) psi.ArgumentList.Add(a);
        using var p = Process.Start(psi) ?? throw new InvalidOperationException($"Cannot start {file}");
        // pg_ctl start leaves the server holding our pipes; read asynchronously and do not wait for their end.
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        await p.WaitForExitAsync();
        if (p.ExitCode != 0 && !ignoreFailure)
        {
            var err = await Task.WhenAny(stderr, Task.Delay(1000)) == stderr ? await stderr : "";
            throw new InvalidOperationException($"{Path.GetFileName(file)} {string.Join(' ', args)} failed ({p.ExitCode}): {err}");
        }
    }

    private static bool PortIsFree(int port)
    {
        try
        {
            using var l = new TcpListener(IPAddress.Loopback, port);
            l.Start();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    public static int FreePort()
    {
        using var l = new TcpListener(IPAddress.Loopback, 0);
        l.Start();
        return ((IPEndPoint)l.LocalEndpoint).Port;
    }

    /// <summary>A throwaway cluster in a temporary folder (tests): nothing is remembered.</summary>
    public static async Task<LocalCluster> StartTemporaryAsync(TextWriter log)
    {
        var dir = Path.Combine(Path.GetTempPath(), "nastavnik-test-pg-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(dir);
        var cluster = new LocalCluster(dir, FreePort(), NewPassword(), NewPassword());
        await cluster.InitAsync(log, durable: false);
        await cluster.StartAsync(log);
        await cluster.EnsureAppRoleAsync();
        return cluster;
    }

    public async Task StopAndDeleteAsync()
    {
        await StopAsync();
        try
        {
            Directory.Delete(Home, true);
        }
        catch (IOException)
        {
            // A leftover temporary folder is harmless; the OS cleans /tmp.
        }
    }
}
