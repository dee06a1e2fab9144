using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Nastavnik.Data;
using Nastavnik.Data.Entities.People;
using Nastavnik.Domain.Access;
using Nastavnik.Web.Features.Shared;
using Nastavnik.Web.Infrastructure;

namespace Nastavnik.Web.Features.Questionnaires.Instruments;

/// <summary>
/// A new questionnaire, version 1: the region administrator's belongs to their region; the system administrator's is
/// shared by all regions (like the seeded ones). The code names the questionnaire across its versions.
/// </summary>
[Access(Role.SystemAdmin, Role.RegionAdmin)]
public class CreateModel(NastavnikDb db, CurrentUser me) : PageModel
{
    [BindProperty] public InstrumentForm Form { get; set; } = new();

    [BindProperty]
    [Required(ErrorMessage = "Укажите код анкеты.")]
    [StringLength(50, ErrorMessage = "Код анкеты — не длиннее 50 символов.")]
    [RegularExpression("^[A-Za-z0-9_]+$", ErrorMessage = "Код анкеты — латинские буквы, цифры и знак подчёркивания.")]
    public string? Code { get; set; }

    public void OnGet() => Form.AddBlankRows();

    public async Task<IActionResult> OnPostAsync()
    {
        Form.Validate(ModelState);
        var code = Code?.Trim() ?? "";
        if (ModelState.IsValid && await db.Instruments.AnyAsync(i => i.Code == code))
            ModelState.AddModelError(nameof(Code), "Анкета с таким кодом уже есть. Укажите другой код.");
        if (!ModelState.IsValid) return Page();

        var scope = await me.GetScopeAsync();
        var instrument = new Instrument { Code = code, Version = 1, RegionId = scope.IsSystem ? null : scope.RegionIds.Min() };
        Form.ApplyTo(instrument);
        foreach (var (row, position) in Form.Ordered())
        {
            var item = new InstrumentItem();
            InstrumentForm.Fill(item, row, position);
            instrument.Items.Add(item);
        }
        db.Instruments.Add(instrument);
        if (!await db.TrySaveAsync(ModelState, _ => (nameof(Code), "Анкета с таким кодом уже есть. Укажите другой код."))) return Page();
        TempData["Message"] = $"Анкета «{instrument.Name}» добавлена";
        return RedirectToPage("Index");
    }
}
