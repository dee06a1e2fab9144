using Microsoft.Extensions.Configuration;
using Nastavnik.Cli;
using Nastavnik.Data.Local;
using Nastavnik.IntegrationTests.Infrastructure;

namespace Nastavnik.IntegrationTests.Cli;

[Collection(Collections.Platform)]
public class CliTests(AppFixture app)
{
    [Fact]
    public async Task Resolve_WithConnectionStringConfigured_UsesItAndStartsNothing()
    {
        var config = new ConfigurationBuilder().AddInMemoryCollection([new("ConnectionStrings:Nastavnik", app.ConnectionString)]).Build();

        var (cs, local) = await CliDatabase.ResolveAsync(config);

        Assert.Equal(app.ConnectionString, cs);
        Assert.False(local);
    }

    [Fact]
    public async Task EnsureStarted_SecondTime_ReusesClusterPortAndData()
    {
        var home = Directory.CreateTempSubdirectory("nastavnik-home").FullName;
        if (LocalCluster.IsRoot) File.SetUnixFileMode(home, (UnixFileMode)0b111_101_101);
        var first = await LocalCluster.EnsureStartedAsync(home, 0, TextWriter.Null);
        try
        {
            await using (var conn = new Npgsql.NpgsqlConnection(first.ConnectionString() + ";Pooling=false"))
            {
                await conn.OpenAsync();
                await using var cmd = new Npgsql.NpgsqlCommand("create table kept (id int); insert into kept values (42);", conn);
                await cmd.ExecuteNonQueryAsync();
            }
            await first.StopAsync();

            var second = await LocalCluster.EnsureStartedAsync(home, 0, TextWriter.Null);

            Assert.Equal(first.Port, second.Port);
            await using var check = new Npgsql.NpgsqlConnection(second.ConnectionString() + ";Pooling=false");
            await check.OpenAsync();
            await using var read = new Npgsql.NpgsqlCommand("select id from kept", check);
            Assert.Equal(42, await read.ExecuteScalarAsync());
        }
        finally
        {
            await first.StopAndDeleteAsync();
        }
    }

    [Fact]
    public async Task Main_UnknownVerb_PrintsHelpAndFails()
    {
        Assert.Equal(2, await global::Nastavnik.Cli.Program.Main(["frobnicate"]));
    }
}
