using Microsoft.AspNetCore.Http;
using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Nastavnik.Data;
using Nastavnik.Data.Entities.People;
using Nastavnik.Domain.Access;
using Nastavnik.Domain.People;

namespace Nastavnik.Web.Features.People.Programs;

/// <summary>The fields of a programme, shared by Create and Edit.</summary>
public sealed class ProgramForm
{
    [Required(ErrorMessage = "Выберите организацию")] public long? OrganizationId { get; set; }
    [Required(ErrorMessage = "Укажите наименование программы"), StringLength(500, ErrorMessage = "Наименование программы — не длиннее 500 символов")]
    public string Name { get; set; } = "";
    [Required(ErrorMessage = "Выберите модель наставничества")] public ModelFamily? Family { get; set; }
    [Required(ErrorMessage = "Укажите начало периода")] public DateOnly? PeriodStart { get; set; }
    [Required(ErrorMessage = "Укажите окончание периода")] public DateOnly? PeriodEnd { get; set; }
    public List<string> Forms { get; set; } = [];
    public List<string> DeliveryModes { get; set; } = [];
    public List<string> AccessibilityMeasures { get; set; } = [];
    /// <summary>«Положение о программе наставничества»: a new file replaces the stored one; none keeps it.</summary>
    public IFormFile? Regulation { get; set; }

    private static readonly string[] RegulationExtensions = [".pdf", ".docx", ".doc", ".odt", ".rtf"];

    public static ProgramForm From(MentoringProgram p) => new()
    {
        OrganizationId = p.OrganizationId, Name = p.Name, Family = p.Family, PeriodStart = p.PeriodStart, PeriodEnd = p.PeriodEnd,
        Forms = [.. p.Forms], DeliveryModes = [.. p.DeliveryModes], AccessibilityMeasures = [.. p.AccessibilityMeasures],
    };

    /// <summary>Rules across fields: the period, forms of the chosen family, known codes.</summary>
    public void Validate(ModelStateDictionary state)
    {
        if (PeriodStart > PeriodEnd) state.AddModelError("Form.PeriodEnd", "Окончание периода раньше его начала");
        if (Family is { } family && Forms.Any(f => !Domain.People.Forms.IsKnown(f, family)))
        {
            state.AddModelError("Form.Forms", "Выберите формы наставничества выбранной модели");
        }
        if (DeliveryModes.Any(m => !Domain.People.Forms.DeliveryModes.ContainsKey(m)))
        {
            state.AddModelError("Form.DeliveryModes", "Выберите вариации наставничества из списка");
        }
        if (AccessibilityMeasures.Any(c => !PeopleTerms.SpecialCategories.ContainsKey(c)))
        {
            state.AddModelError("Form.AccessibilityMeasures", "Выберите категории из списка");
        }
    }

    /// <summary>Checks the положение file: a document type, not empty, within the upload limit.</summary>
    public void ValidateRegulation(ModelStateDictionary state, long maxBytes)
    {
        if (Regulation is null) return;
        var extension = Path.GetExtension(Regulation.FileName).ToLowerInvariant();
        if (!RegulationExtensions.Contains(extension))
        {
            state.AddModelError("Form.Regulation", "Положение загружается файлом .pdf, .docx, .doc, .odt или .rtf");
        }
        else if (Regulation.Length == 0)
        {
            state.AddModelError("Form.Regulation", "Файл положения пуст");
        }
        else if (Regulation.Length > maxBytes)
        {
            state.AddModelError("Form.Regulation", $"Файл положения больше {maxBytes / (1024 * 1024)} МБ");
        }
    }

    public async Task ApplyRegulationAsync(MentoringProgram p)
    {
        if (Regulation is null) return;
        using var buffer = new MemoryStream();
        await Regulation.CopyToAsync(buffer);
        p.RegulationFileName = Path.GetFileName(Regulation.FileName);
        p.RegulationContent = buffer.ToArray();
    }

    public void ApplyTo(MentoringProgram p)
    {
        p.Name = Name.Trim();
        p.Family = Family!.Value;
        p.PeriodStart = PeriodStart!.Value;
        p.PeriodEnd = PeriodEnd!.Value;
        p.Forms = Forms.Distinct().ToList();
        p.DeliveryModes = DeliveryModes.Distinct().ToList();
        p.AccessibilityMeasures = AccessibilityMeasures.Distinct().ToList();
    }

    /// <summary>The organizations whose programmes the user keeps: those where they are head or curator.</summary>
    public static async Task<List<SelectListItem>> OrganizationsAsync(NastavnikDb db, Scope scope)
    {
        var ids = scope.OrganizationIdsFor(Role.OrgHead, Role.Curator).ToArray();
        return await db.Organizations.AsNoTracking().Where(o => ids.Contains(o.Id)).OrderBy(o => o.ShortName).ThenBy(o => o.Id)
            .Select(o => new SelectListItem(o.ShortName, o.Id.ToString())).ToListAsync();
    }
}
