using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Nastavnik.Data;
using Nastavnik.Domain.People;
using Nastavnik.Domain.Text;
using Nastavnik.Web;
using Nastavnik.Web.Features.Consents;

namespace Nastavnik.Cli;

/// <summary>
/// `nastavnik consents withdraw` records a written withdrawal statement exactly as the consent page does
/// (<see cref="Withdrawal"/>); `nastavnik consents destroy-due` runs the nightly destruction pass now.
/// </summary>
public static class ConsentsCommand
{
    public const string WithdrawUsage = """
        --person ID --date ГГГГ-ММ-ДД [--purpose processing|distribution|duties]
        записать отзыв согласия человека (по умолчанию — на обработку) так же, как на странице согласий:
        отзыв согласия на обработку блокирует данные, через 30 дней они уничтожаются; нет такого человека
        или действующего согласия — код выхода 2
        """;

    public const string DestroyDueUsage = """
        [--today ГГГГ-ММ-ДД]
        уничтожить сейчас данные людей, чей срок после отзыва согласия истёк (то же, что делает ночная задача),
        и удалить загруженные файлы старше срока хранения; печатает число людей и номера актов
        """;

    public static async Task<int> WithdrawAsync(string[] args)
    {
        var a = CliArgs.Parse(args, options: ["--person", "--date", "--purpose"]);
        if (!long.TryParse(a.Value("--person"), out var personId)) throw CliException.Usage("укажите номер записи человека: --person ID");
        if (a.Value("--date") is null) throw CliException.Usage("укажите дату отзыва: --date ГГГГ-ММ-ДД");
        var on = a.Date("--date", default);
        var purpose = a.Value("--purpose") switch
        {
            null or "processing" => ConsentPurpose.Processing,
            "distribution" => ConsentPurpose.Distribution,
            "duties" => ConsentPurpose.ExtraDuties,
            var other => throw CliException.Usage($"неизвестная цель «{other}»: processing, distribution или duties"),
        };

        await using var db = await OpenAsync();
        var person = await db.People.Include(p => p.Consents).SingleOrDefaultAsync(p => p.Id == personId)
            ?? throw new CliException($"человек № {personId} не найден", 2);
        var consent = person.Consents.Where(c => c.Purpose == purpose && c.WithdrawnOn == null)
            .OrderByDescending(c => c.GivenOn).ThenByDescending(c => c.Id).FirstOrDefault()
            ?? throw new CliException($"у человека № {personId} нет действующего согласия: {purpose.Title().ToLowerInvariant()}", 2);
        var clock = TimeProvider.System;
        var errors = await Withdrawal.WithdrawAsync(db, personId, on, purpose, clock.MoscowToday(), clock.GetUtcNow(), consent.Id);
        if (errors.Count > 0) throw new CliException(string.Join("; ", errors.Select(e => e.Message)));
        var status = await db.People.Where(p => p.Id == personId).Select(p => p.Status).SingleAsync();
        Console.Out.WriteLine(status == PersonStatus.Blocked
            ? $"Согласие отозвано: данные № {personId} заблокированы и будут уничтожены в установленный срок"
            : $"Согласие отозвано: {purpose.Title().ToLowerInvariant()}");
        return 0;
    }

    public static async Task<int> DestroyDueAsync(string[] args)
    {
        var a = CliArgs.Parse(args, options: ["--today"]);
        var now = TimeProvider.System.GetUtcNow();
        if (a.Value("--today") is not null)
        {
            // The end of that day in Moscow: everyone due on that day is destroyed.
            var today = a.Date("--today", default);
            now = new DateTimeOffset(today.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.FromHours(3)).AddTicks(-1).ToUniversalTime();
        }

        var (cs, config) = await ResolveAsync();
        await using var provider = Services(cs, config);
        var result = await Destruction(provider, config).RunAsync(now);
        Console.Out.WriteLine($"Уничтожены данные: {RussianPlural.Format(result.Destroyed, "человек", "человека", "человек")}; "
            + $"актов: {result.ActIds.Count}{(result.ActIds.Count > 0 ? " (№ " + string.Join(", ", result.ActIds) + ")" : "")}; "
            + $"удалено загруженных файлов: {result.ExpiredUploads}");
        return 0;
    }

    /// <summary>What the destruction pass needs outside the web host: the database per scope and the options.</summary>
    public static ServiceProvider Services(string cs, IConfiguration config)
    {
        var services = new ServiceCollection();
        services.AddSingleton(config);
        services.AddScoped(_ => CliDatabase.Open(cs, CliDatabase.Actor));
        services.AddOptions<NastavnikOptions>().BindConfiguration("Nastavnik");
        services.AddOptions<DestructionService.UploadSettings>().BindConfiguration("Nastavnik:Uploads");
        return services.BuildServiceProvider();
    }

    /// <summary>The nightly job's pass, with <c>Nastavnik:Consents</c> from <paramref name="config"/>.</summary>
    public static DestructionService Destruction(IServiceProvider services, IConfiguration config) => new(
        services.GetRequiredService<IServiceScopeFactory>(),
        Options.Create(config.GetSection("Nastavnik:Consents").Get<DestructionService.Settings>() ?? new DestructionService.Settings()),
        TimeProvider.System, NullLogger<DestructionService>.Instance);

    private static async Task<(string ConnectionString, IConfiguration Config)> ResolveAsync()
    {
        // Cluster start-up and migration notes go to stderr: stdout carries the answer only.
        var stdout = Console.Out;
        Console.SetOut(Console.Error);
        try
        {
            var config = CliDatabase.Configuration([]);
            var (cs, _) = await CliDatabase.ResolveAsync(config);
            await CliDatabase.MigrateAsync(await CliDatabase.ResolveOwnerAsync(config));
            return (cs, config);
        }
        finally
        {
            Console.SetOut(stdout);
        }
    }

    private static async Task<NastavnikDb> OpenAsync() => CliDatabase.Open((await ResolveAsync()).ConnectionString, CliDatabase.Actor);
}
