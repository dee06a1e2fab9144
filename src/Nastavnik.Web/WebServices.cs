using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.EntityFrameworkCore;
using System.Text.Unicode;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.WebEncoders;
using Nastavnik.Data;
using Nastavnik.Data.Entities;
using Nastavnik.Web.Features.Consents;
using Nastavnik.Web.Features.Matching;
using Nastavnik.Web.Features.Roadmaps;
using Nastavnik.Web.Features.Shared;
using Nastavnik.Web.Infrastructure;

namespace Nastavnik.Web;

public sealed class NastavnikOptions
{
    /// <summary>Idle minutes after which a signed-in session ends.</summary>
    public int SessionTimeoutMinutes { get; set; } = 30;
    /// <summary>Largest accepted upload (imports), in bytes.</summary>
    public long MaxUploadBytes { get; set; } = 20 * 1024 * 1024;
}

public static class WebServices
{
    public const string AntiforgeryHeader = "X-CSRF-TOKEN";

    public static WebApplicationBuilder AddNastavnikWeb(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<NastavnikOptions>().BindConfiguration("Nastavnik");
        services.AddRazorPages(o => o.RootDirectory = "/Features")
            .AddApplicationPart(typeof(WebServices).Assembly)
            .AddMvcOptions(o =>
            {
                o.ModelMetadataDetailsProviders.Add(new RussianValidationMetadata());
                var m = o.ModelBindingMessageProvider;
                m.SetValueMustNotBeNullAccessor(_ => "Заполните поле");
                m.SetAttemptedValueIsInvalidAccessor((value, field) => $"Значение «{value}» не подходит для поля «{field}»");
                m.SetNonPropertyAttemptedValueIsInvalidAccessor(value => $"Значение «{value}» не подходит");
                m.SetUnknownValueIsInvalidAccessor(field => $"Недопустимое значение поля «{field}»");
                m.SetNonPropertyUnknownValueIsInvalidAccessor(() => "Недопустимое значение");
                m.SetValueIsInvalidAccessor(value => $"Недопустимое значение «{value}»");
                m.SetValueMustBeANumberAccessor(field => $"Поле «{field}» должно быть числом");
                m.SetNonPropertyValueMustBeANumberAccessor(() => "Значение должно быть числом");
                m.SetMissingBindRequiredValueAccessor(field => $"Не указано значение поля «{field}»");
                m.SetMissingKeyOrValueAccessor(() => "Не указано значение");
                m.SetMissingRequestBodyRequiredValueAccessor(() => "Пустой запрос");
            });
        // Russian text as UTF-8, not as &#x...; entities (still HTML-safe: <, >, &, quotes are encoded).
        services.Configure<WebEncoderOptions>(o => o.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        services.AddAntiforgery(o =>
        {
            o.HeaderName = AntiforgeryHeader;
            o.Cookie.Name = "nastavnik.af";
        });
        // The one clock of pages and background services; tests may replace it. «Today» is clock.MoscowToday().
        services.AddSingleton(TimeProvider.System);
        services.AddHttpContextAccessor();
        services.AddScoped(sp => WebAuditActor.From(sp.GetRequiredService<IHttpContextAccessor>().HttpContext));
        services.AddScoped<CurrentUser>();
        services.AddScoped<UploadStore>();
        services.AddScoped<IAuthorizationHandler, RoleRequirementHandler>();

        services.AddIdentityCore<User>(IdentitySetup.Configure)
            .AddSignInManager()
            .AddErrorDescriber<RussianIdentityErrors>()
            .AddClaimsPrincipalFactory<NastavnikClaimsFactory>()
            .AddEntityFrameworkStores<NastavnikDb>();
        services.AddAuthentication(IdentityConstants.ApplicationScheme).AddIdentityCookies();
        services.AddOptions<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme)
            .Configure<IOptions<NastavnikOptions>>((o, settings) =>
            {
                o.Cookie.Name = "nastavnik.auth";
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Lax;
                o.LoginPath = "/Account/Login";
                o.LogoutPath = "/Account/Logout";
                o.ExpireTimeSpan = TimeSpan.FromMinutes(settings.Value.SessionTimeoutMinutes);
                o.SlidingExpiration = true;
                // Identity's security-stamp check (password resets end other sessions), then: the cookie of a switched-off
                // account, or of a participant whose data may no longer be processed, stops working at once.
                o.Events.OnValidatePrincipal = async ctx =>
                {
                    await SecurityStampValidator.ValidatePrincipalAsync(ctx);
                    if (ctx.Principal is null) return;
                    var id = long.TryParse(ctx.Principal.FindFirstValue(ClaimTypes.NameIdentifier), out var v) ? v : 0;
                    var db = ctx.HttpContext.RequestServices.GetRequiredService<NastavnikDb>();
                    if (!await db.UsableUsers.AnyAsync(u => u.Id == id))
                    {
                        ctx.RejectPrincipal();
                        await ctx.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
                    }
                };
                // A real 403 rendered by the status page, not a redirect: pages and the access test see the status.
                o.Events.OnRedirectToAccessDenied = ctx =>
                {
                    ctx.Response.StatusCode = StatusCodes.Status403Forbidden;
                    return Task.CompletedTask;
                };
            });
        // Defence in depth: an endpoint that forgot its [Access] rule still requires a signed-in user
        // (and the access-matrix test fails for it).
        services.AddAuthorization(o => o.FallbackPolicy = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());

        services.AddDataProtection().SetApplicationName("Nastavnik");
        services.AddSingleton<DbXmlRepository>();
        services.AddOptions<KeyManagementOptions>()
            .Configure<DbXmlRepository>((o, repository) => o.XmlRepository = repository);

        // The e-mail outbox sender (Nastavnik:Smtp): features queue mail in the outbox, this singleton sends it.
        services.AddOptions<EmailSender.Settings>().BindConfiguration("Nastavnik:Smtp");
        services.AddSingleton<EmailSender>();
        services.AddHostedService(sp => sp.GetRequiredService<EmailSender>());
        services.AddRoadmapServices();
        services.AddConsentServices();
        services.AddMatchingServices();
        Nastavnik.Web.Features.Pairs.Watch.PairWatchServices.AddPairWatchServices(services);

        services.Configure<FormOptions>(o => o.MultipartBodyLengthLimit = 64 * 1024 * 1024);
        builder.WebHost.ConfigureKestrel(o => o.Limits.MaxRequestBodySize = 64 * 1024 * 1024);
        return builder;
    }

    public static WebApplication UseNastavnikWeb(this WebApplication app)
    {
        if (!app.Environment.IsDevelopment()) app.UseExceptionHandler("/Status/500");
        app.UseStatusCodePagesWithReExecute("/Status/{0}");
        // Static files ship embedded in this assembly (see the .csproj), whichever executable hosts the site.
        app.Environment.WebRootFileProvider = new EmbeddedFileProvider(typeof(WebServices).Assembly, "Nastavnik.Web.wwwroot");
        app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = app.Environment.WebRootFileProvider,
            OnPrepareResponse = ctx => ctx.Context.Response.Headers.CacheControl = "public,max-age=604800",
        });
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapGet("/health", HealthCheck.Handle).AllowAnonymous();
        app.MapRazorPages();
        return app;
    }
}
