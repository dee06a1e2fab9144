using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Nastavnik.Web.Features.Roadmaps;

public static class ReminderServices
{
    /// <summary>
    /// The roadmap background work: deadline reminders (<c>Nastavnik:Reminders</c>) and the e-mail outbox sender
    /// (<c>Nastavnik:Smtp</c>). Each is a singleton hosted service, so tests and scripts can resolve it and run one
    /// round directly.
    /// </summary>
    public static IServiceCollection AddRoadmapServices(this IServiceCollection s)
    {
        s.TryAddSingleton(TimeProvider.System);
        s.AddOptions<ReminderService.Settings>().BindConfiguration("Nastavnik:Reminders");
        s.AddOptions<EmailSender.Settings>().BindConfiguration("Nastavnik:Smtp");
        s.AddSingleton<ReminderService>();
        s.AddHostedService(sp => sp.GetRequiredService<ReminderService>());
        s.AddSingleton<EmailSender>();
        s.AddHostedService(sp => sp.GetRequiredService<EmailSender>());
        return s;
    }
}
