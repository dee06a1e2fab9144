using System.Net;
using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.ApplicationModels;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.RazorPages.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Nastavnik.Data.Entities;
using Nastavnik.Data.Entities.Roadmaps;
using Nastavnik.Data.Roadmaps;
using Nastavnik.Domain.Access;
using Nastavnik.Domain.Roadmaps;
using Nastavnik.Domain.Territories;
using Nastavnik.IntegrationTests.Infrastructure;
using Nastavnik.Web;
using Nastavnik.Web.Infrastructure;

namespace Nastavnik.IntegrationTests.Access;

/// <summary>
/// Every page and endpoint of the app, read from the routing data, against every role: a role the page's [Access]
/// rule admits gets 200 for a record inside its scope and 404 outside it; any other role gets 403. A page without a
/// declared rule fails the first test, so a new page cannot slip in unprotected.
/// </summary>
[Collection(Collections.Platform)]
public partial class AccessMatrixTests(AppFixture app)
{
    private sealed record Target(string Route, string Name, AccessAttribute? Access, bool Anonymous, IReadOnlyList<string> PostHandlers);

    [Fact]
    public async Task Endpoints_EveryOne_DeclaresAnAccessRule()
    {
        var targets = await TargetsAsync();

        var undeclared = targets.Where(t => t.Access is null && !t.Anonymous).Select(t => t.Name).ToList();

        Assert.True(targets.Count > 5, "the routing data lists the app's pages");
        Assert.Empty(undeclared);
    }

    [Fact]
    public async Task Endpoints_WithIdRoute_DeclareWhatTheIdNames()
    {
        var targets = await TargetsAsync();

        var missing = targets.Where(t => t.Access is not null && IdParameter().IsMatch(t.Route) && t.Access.Entity == ScopedEntity.None)
            .Select(t => t.Name).ToList();

        Assert.Empty(missing);
    }

    [Fact]
    public async Task Endpoints_EveryRole_GetsAllowedForbiddenOrNotFoundAsDeclared()
    {
        var targets = (await TargetsAsync()).Where(t => t.Access is not null).ToList();
        var inside = await CreateWorldAsync();
        var outside = await CreateWorldAsync();
        var failures = new List<string>();
        var checkedCount = 0;

        foreach (var role in Roles.All)
        {
            var login = await app.CreateUserAsync(role, inside.Tree);
            if (role is Role.Mentor or Role.Mentee or Role.LegalRepresentative)
            {
                // A participant reaches their own pair: the world's pair has this person as a member.
                await using var db = app.Db();
                var user = await db.Users.SingleAsync(u => u.UserName == login);
                user.PersonId = inside.PersonId;
                await db.SaveChangesAsync();
            }
            var client = await app.SignInAsync(login);
            var token = await HttpClientForms.AntiforgeryTokenAsync(client, "/Account/ChangePassword");
            foreach (var target in targets)
            {
                var allowed = target.Access!.AllowedRoles.Count == 0 || target.Access.AllowedRoles.Contains(role);
                var hasId = IdParameter().IsMatch(target.Route);
                var urls = hasId
                    ? new[] { (Url(target, inside), inScope: true), (Url(target, outside), inScope: false) }
                    : [(Url(target, null), inScope: true)];
                foreach (var (url, inScope) in urls)
                {
                    var expected = !allowed ? HttpStatusCode.Forbidden
                        : inScope || role == Role.SystemAdmin ? HttpStatusCode.OK
                        : HttpStatusCode.NotFound;
                    var response = await client.GetAsync(url);
                    checkedCount++;
                    if (response.StatusCode != expected)
                    {
                        failures.Add($"{role} GET {url} ({target.Name}): {(int)response.StatusCode}, expected {(int)expected}");
                    }
                    if (allowed) continue;
                    foreach (var handler in target.PostHandlers)
                    {
                        var request = new HttpRequestMessage(HttpMethod.Post, handler.Length == 0 ? url : $"{url}?handler={handler}")
                        {
                            Content = new FormUrlEncodedContent([]),
                        };
                        request.Headers.Add(WebServices.AntiforgeryHeader, token);
                        var post = await client.SendAsync(request);
                        checkedCount++;
                        if (post.StatusCode != HttpStatusCode.Forbidden)
                        {
                            failures.Add($"{role} POST {request.RequestUri} ({target.Name}): {(int)post.StatusCode}, expected 403");
                        }
                    }
                }
            }
        }

        Assert.True(checkedCount >= targets.Count * Roles.All.Count, "every target was checked for every role");
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    private sealed record World(AppFixture.Tree Tree, long PartnerId, long UserId, long RoadmapId, long RoadmapItemId, long RoadmapOccurrenceId,
        long PersonId, long ProgramId, long InstrumentId, long MatchRunId, long MentoringGroupId);

    /// <summary>
    /// A region → municipality → school tree with a partner serving it, a user holding a role in it, and a municipal
    /// roadmap whose item fans out to the school (its occurrence is the school's, so every staff role reaches it).
    /// </summary>
    private async Task<World> CreateWorldAsync()
    {
        var tree = await app.CreateTreeAsync();
        var partner = await app.InsertAsync(new Partner
        {
            RegionId = tree.RegionId, Name = AppFixture.Unique("Партнёр"), Type = PartnerType.Enterprise,
            Municipalities = [new PartnerMunicipality { MunicipalityId = tree.MunicipalityId }],
        });
        // A staff account: participants' accounts are hidden from administrators above the school by design.
        var login = await app.CreateUserAsync(Role.Curator, tree);
        await using var db = app.Db();
        var userId = await db.Users.Where(u => u.UserName == login).Select(u => u.Id).SingleAsync();
        var roadmap = new Roadmap
        {
            RegionId = tree.RegionId, Level = RoadmapLevel.Municipality, MunicipalityId = tree.MunicipalityId,
            Title = AppFixture.Unique("Дорожная карта"), PeriodStart = new DateOnly(2020, 9, 1), PeriodEnd = new DateOnly(2021, 12, 31),
        };
        var item = new RoadmapItem
        {
            Position = 1, Number = "1.1.", Title = "Разработка дорожных карт", DeadlineText = "до 15.11.2020",
            DeadlineKind = DeadlineKind.Once, Responsible = "Руководители ОО", FanOut = true,
        };
        roadmap.Items.Add(item);
        var schedule = new DeadlineSchedule(item.DeadlineText, DeadlineKind.Once, [new Occurrence(null, new DateOnly(2020, 11, 15))]);
        var occurrence = RoadmapOccurrences.Build(roadmap, item, schedule, [(tree.OrganizationId, tree.MunicipalityId)]).Single();
        db.RoadmapOccurrences.Add(occurrence);
        await db.SaveChangesAsync();
        var program = await app.InsertAsync(new Nastavnik.Data.Entities.People.MentoringProgram
        {
            RegionId = tree.RegionId, OrganizationId = tree.OrganizationId, Name = AppFixture.Unique("Программа"),
            Family = Nastavnik.Domain.People.ModelFamily.Learners, PeriodStart = new DateOnly(2026, 9, 1), PeriodEnd = new DateOnly(2027, 8, 31),
        });
        var person = await app.InsertAsync(new Nastavnik.Data.Entities.People.Person
        {
            RegionId = tree.RegionId, OrganizationId = tree.OrganizationId, Kind = Nastavnik.Domain.People.PersonKind.Pupil,
            LastName = "Иванов", FirstName = "Пётр", MiddleName = "Сергеевич", ClassName = "7Б", Grade = 7,
            Status = Nastavnik.Domain.People.PersonStatus.Active,
        });
        var instrument = await app.InsertAsync(new Nastavnik.Data.Entities.People.Instrument
        {
            RegionId = tree.RegionId, Code = AppFixture.Unique("matrix").Replace('-', '_'), Name = AppFixture.Unique("Анкета"),
            Family = Nastavnik.Domain.People.ModelFamily.Learners, Respondent = Nastavnik.Domain.People.InstrumentRespondent.Mentee,
            Moment = Nastavnik.Domain.People.InstrumentMoment.Entry,
            Items = [new Nastavnik.Data.Entities.People.InstrumentItem { Position = 1, Kind = Nastavnik.Domain.People.InstrumentItemKind.Text, Text = "Вопрос" }],
        });
        var run = await app.InsertAsync(new Nastavnik.Data.Entities.Matching.MatchRun
        {
            RegionId = tree.RegionId, OrganizationId = tree.OrganizationId, ProgramId = program.Id, Form = "pupil_pupil",
            Mode = Nastavnik.Domain.Matching.MatchMode.Optimal, Weights = "{}", Status = Nastavnik.Domain.Matching.MatchRunStatus.Draft,
        });
        var menteeProfile = await app.InsertAsync(new Nastavnik.Data.Entities.People.MenteeProfile
        {
            PersonId = person.Id, ProgramId = program.Id, RegionId = tree.RegionId, OrganizationId = tree.OrganizationId,
            Source = Nastavnik.Domain.People.RequestSource.Self, EntryDate = new DateOnly(2026, 9, 10),
        });
        var group = await app.InsertAsync(new Nastavnik.Data.Entities.Pairs.MentoringGroup
        {
            RegionId = tree.RegionId, OrganizationId = tree.OrganizationId, ProgramId = program.Id, Form = "pupil_pupil",
            StartDate = new DateOnly(2026, 10, 1), Status = Nastavnik.Domain.Pairs.GroupStatus.Active,
            Members = [new Nastavnik.Data.Entities.Pairs.GroupMember { PersonId = person.Id, Role = Nastavnik.Domain.Pairs.MemberRole.Mentee, MenteeProfileId = menteeProfile.Id, JoinedOn = new DateOnly(2026, 10, 1) }],
        });
        return new World(tree, partner.Id, userId, roadmap.Id, item.Id, occurrence.Id, person.Id, program.Id, instrument.Id, run.Id, group.Id);
    }

    private static string Url(Target target, World? world)
    {
        if (world is null) return "/" + target.Route;
        var id = target.Access!.Entity switch
        {
            ScopedEntity.Region => world.Tree.RegionId,
            ScopedEntity.Municipality => world.Tree.MunicipalityId,
            ScopedEntity.Organization => world.Tree.OrganizationId,
            ScopedEntity.Partner => world.PartnerId,
            ScopedEntity.User => world.UserId,
            ScopedEntity.Roadmap => world.RoadmapId,
            ScopedEntity.RoadmapItem => world.RoadmapItemId,
            ScopedEntity.RoadmapOccurrence => world.RoadmapOccurrenceId,
            ScopedEntity.Person => world.PersonId,
            ScopedEntity.Program => world.ProgramId,
            ScopedEntity.Instrument => world.InstrumentId,
            ScopedEntity.MatchRun => world.MatchRunId,
            ScopedEntity.MentoringGroup => world.MentoringGroupId,
            _ => throw new InvalidOperationException($"{target.Name} has an id but no Entity"),
        };
        return "/" + IdParameter().Replace(target.Route, id.ToString());
    }

    /// <summary>Route endpoints from the routing data; pages are loaded to read their model's rule and POST handlers.</summary>
    private async Task<List<Target>> TargetsAsync()
    {
        var services = app.Factory.Services;
        var loader = services.GetRequiredService<PageLoader>();
        var targets = new List<Target>();
        foreach (var endpoint in services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            var route = endpoint.RoutePattern.RawText?.TrimStart('/') ?? "";
            var anonymous = endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null;
            var access = endpoint.Metadata.GetMetadata<AccessAttribute>();
            var posts = new List<string>();
            var name = endpoint.DisplayName ?? route;
            if (endpoint.Metadata.GetMetadata<PageActionDescriptor>() is { } page)
            {
                var compiled = await loader.LoadAsync(page, endpoint.Metadata);
                var model = compiled.ModelTypeInfo?.AsType() ?? compiled.PageTypeInfo.AsType();
                access = model.GetCustomAttribute<AccessAttribute>();
                anonymous = model.GetCustomAttribute<AllowAnonymousAttribute>() is not null;
                posts.AddRange(compiled.HandlerMethods.Where(h => h.HttpMethod == "POST").Select(h => h.Name ?? ""));
                name = page.ViewEnginePath;
                // "Index" pages have two routes ("X/Index" and "X"); check each once.
                if (targets.Any(t => t.Name == name)) continue;
            }
            targets.Add(new Target(route, name, access, anonymous, posts));
        }
        return targets;
    }

    [GeneratedRegex(@"\{id(:[a-z]+)?\??\}")]
    private static partial Regex IdParameter();
}
