namespace Nastavnik.Web.Features.Roadmaps;

public static class ReminderServices
{
    /// <summary>
    /// The roadmap background work: deadline reminders (<c>Nastavnik:Reminders</c>), a singleton hosted service, so
    /// tests and scripts can resolve it and run one round directly.
    /// </summary>
    public static IServiceCollection AddRoadmapServices(this IServiceCollection s)
    {
        s.AddOptions<ReminderService.Settings>().BindConfiguration("Nastavnik:Reminders");
        s.AddSingleton<ReminderService>();
        s.AddHostedService(sp => sp.GetRequiredService<ReminderService>());
        return s;
    }
}
