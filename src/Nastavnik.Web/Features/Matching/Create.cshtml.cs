using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Nastavnik.Data;
using Nastavnik.Data.Entities.Matching;
using Nastavnik.Domain.Access;
using Nastavnik.Domain.Matching;
using Nastavnik.Domain.People;
using Nastavnik.Web.Infrastructure;

namespace Nastavnik.Web.Features.Matching;

/// <summary>Starts a matching run for a programme and form: the run is queued and the background worker makes the proposal.</summary>
[Access(Role.OrgHead, Role.Curator)]
public class CreateModel(NastavnikDb db, CurrentUser me, MatchRunSignal signal) : PageModel
{
    [BindProperty] public RunForm Form { get; set; } = new();
    public List<ProgramOption> Programs { get; private set; } = [];

    public async Task OnGetAsync(long? programId)
    {
        await LoadProgramsAsync();
        var program = Programs.FirstOrDefault(p => p.Id == programId) ?? Programs.FirstOrDefault();
        Form.ProgramId = program?.Id;
        Form.Form = program?.Forms.FirstOrDefault();
        Form.Preset = WeightPresets.Default.Code;
        Form.SetWeights(WeightPresets.Default.Weights);
    }

    /// <summary>«Подставить веса набора»: fills the six weights from the chosen preset (works without JavaScript).</summary>
    public async Task<IActionResult> OnPostPresetAsync()
    {
        await LoadProgramsAsync();
        ModelState.Clear();
        Form.SetWeights(WeightPresets.Find(Form.Preset).Weights);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        await LoadProgramsAsync();
        var program = Programs.FirstOrDefault(p => p.Id == Form.ProgramId);
        if (Form.ProgramId is not null && program is null) ModelState.AddModelError("Form.ProgramId", "Выберите программу из списка");
        if (program is not null && Form.Form is { } code && !program.Forms.Contains(code))
        {
            ModelState.AddModelError("Form.Form", $"Программа «{program.Name}» не реализует форму «{Forms.NameOf(code)}»");
        }
        if (Form.DeliveryMode is { Length: > 0 } mode && !Forms.DeliveryModes.ContainsKey(mode))
        {
            ModelState.AddModelError("Form.DeliveryMode", "Выберите вариацию наставничества из списка");
        }
        var weights = Form.Weights();
        if (ModelState.IsValid && weights.Topics + weights.Subject + weights.Availability + weights.Age + weights.SameSchool + weights.Preference == 0)
        {
            ModelState.AddModelError("Form.Topics", "Хотя бы один вес должен быть больше нуля");
        }
        if (!ModelState.IsValid) return Page();

        var run = new MatchRun
        {
            RegionId = program!.RegionId, OrganizationId = program.OrganizationId, ProgramId = program.Id, Form = Form.Form!,
            DeliveryMode = Form.DeliveryMode ?? "", IsGroup = Form.IsGroup, Mode = Form.Mode ?? MatchMode.Optimal,
            Weights = RunWeights.Write(weights), Status = MatchRunStatus.Queued, ProgressNote = "В очереди", CreatedByUserId = me.Id,
        };
        db.MatchRuns.Add(run);
        await db.SaveChangesAsync();
        signal.Wake();
        TempData["Message"] = "Подбор поставлен в очередь";
        return RedirectToPage("Card", new { id = run.Id });
    }

    private async Task LoadProgramsAsync()
    {
        var scope = await me.GetScopeAsync();
        var organizations = scope.OrganizationIdsFor(Role.OrgHead, Role.Curator).ToArray();
        var rows = await db.Programs.AsNoTracking().Where(p => organizations.Contains(p.OrganizationId))
            .OrderByDescending(p => p.PeriodStart).ThenBy(p => p.Name).ThenBy(p => p.Id)
            .Select(p => new { p.Id, p.RegionId, p.OrganizationId, p.Name, Organization = p.Organization.ShortName, p.Forms })
            .ToListAsync();
        // Only forms the matcher knows: a programme may still carry a code that is no longer seeded.
        Programs = rows.Select(p => new ProgramOption(p.Id, p.RegionId, p.OrganizationId, p.Name, p.Organization,
            p.Forms.Where(f => Forms.All.Any(k => k.Code == f)).Distinct().ToList())).ToList();
    }

    public IEnumerable<SelectListItem> FormOptions() =>
        Programs.SelectMany(p => p.Forms).Distinct().Select(f => new SelectListItem(Forms.NameOf(f), f));

    public sealed record ProgramOption(long Id, long RegionId, long OrganizationId, string Name, string Organization, List<string> Forms);

    public sealed class RunForm
    {
        [Required(ErrorMessage = "Выберите программу")] public long? ProgramId { get; set; }
        [Required(ErrorMessage = "Выберите форму наставничества")] public string? Form { get; set; }
        public string? DeliveryMode { get; set; } = "traditional";
        public bool IsGroup { get; set; }
        [Required(ErrorMessage = "Выберите режим подбора")] public MatchMode? Mode { get; set; } = MatchMode.Optimal;
        public string? Preset { get; set; }
        [Required(ErrorMessage = "Укажите вес «Запросы и компетенции»"), Range(0, 100, ErrorMessage = "Вес «Запросы и компетенции» — от 0 до 100")]
        public int? Topics { get; set; }
        [Required(ErrorMessage = "Укажите вес «Предмет»"), Range(0, 100, ErrorMessage = "Вес «Предмет» — от 0 до 100")]
        public int? Subject { get; set; }
        [Required(ErrorMessage = "Укажите вес «Удобное время встреч»"), Range(0, 100, ErrorMessage = "Вес «Удобное время встреч» — от 0 до 100")]
        public int? Availability { get; set; }
        [Required(ErrorMessage = "Укажите вес «Желаемый возраст наставляемого»"), Range(0, 100, ErrorMessage = "Вес «Желаемый возраст наставляемого» — от 0 до 100")]
        public int? Age { get; set; }
        [Required(ErrorMessage = "Укажите вес «Та же организация»"), Range(0, 100, ErrorMessage = "Вес «Та же организация» — от 0 до 100")]
        public int? SameSchool { get; set; }
        [Required(ErrorMessage = "Укажите вес «Пожелание наставляемого»"), Range(0, 100, ErrorMessage = "Вес «Пожелание наставляемого» — от 0 до 100")]
        public int? Preference { get; set; }

        public MatchWeights Weights() => new(Topics ?? 0, Subject ?? 0, Availability ?? 0, Age ?? 0, SameSchool ?? 0, Preference ?? 0);

        public void SetWeights(MatchWeights w)
        {
            Topics = w.Topics;
            Subject = w.Subject;
            Availability = w.Availability;
            Age = w.Age;
            SameSchool = w.SameSchool;
            Preference = w.Preference;
        }
    }
}
