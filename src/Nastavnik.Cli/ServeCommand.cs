using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Hosting;
using Nastavnik.Data;
using Nastavnik.Web.Features.Demo;
using Nastavnik.Web;

namespace Nastavnik.Cli;

/// <summary>
/// Runs the whole system: resolves the database (starting the local cluster when none is configured), applies the
/// migrations, loads the demo data into a local cluster, and serves the site.
/// </summary>
public static class ServeCommand
{
    public const string DefaultUrl = "http://127.0.0.1:5000";

    public const string Usage = """
        [--urls URL] [--demo|--no-demo] [--Раздел:Ключ=значение]
        применить миграции и запустить систему (по умолчанию http://127.0.0.1:5000); демонстрационные данные
        загружаются в локальный кластер или с --demo; прочие настройки — как переменные окружения Раздел__Ключ
        """;

    public static async Task<int> RunAsync(string[] args)
    {
        var a = CliArgs.Parse(args, options: ["--urls"], flags: ["--demo", "--no-demo"], configuration: true);
        var demoFlag = a.Has("--demo") ? true : a.Has("--no-demo") ? false : (bool?)null;
        string[] webArgs = a.Value("--urls") is { } urls ? ["--urls", urls, .. a.Configuration] : [.. a.Configuration];
        var config = CliDatabase.Configuration(webArgs);
        await CliDatabase.MigrateAsync(await CliDatabase.ResolveOwnerAsync(config));
        var (cs, local) = await CliDatabase.ResolveAsync(config);
        if (demoFlag ?? local)
        {
            await using var db = CliDatabase.Open(cs, CliDatabase.Actor);
            await DemoSeeder.LoadAllAsync(db, Console.Out);
        }

        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = webArgs,
            // The pages and their compiled views live in Nastavnik.Web, not in this executable.
            ApplicationName = typeof(WebServices).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.Configuration[$"ConnectionStrings:{DataServices.ConnectionStringName}"] = cs;
        if (string.IsNullOrEmpty(builder.Configuration["urls"])) builder.WebHost.UseUrls(DefaultUrl);
        builder.Services.AddNastavnikData(builder.Configuration);
        builder.AddNastavnikWeb();
        var app = builder.Build();
        app.UseNastavnikWeb();
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            Console.WriteLine();
            Console.WriteLine($"«Наставник» работает: {string.Join(", ", app.Urls)}");
            if (demoFlag ?? local) DemoCommand.PrintLogins(Console.Out);
            Console.WriteLine("Остановить: Ctrl+C");
        });
        await app.RunAsync();
        return 0;
    }
}
