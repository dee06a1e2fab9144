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
/// Editing a questionnaire. A version that has been answered is frozen: saving it creates a new version (same code,
/// next number) and leaves the old one untouched. A region administrator editing a seeded questionnaire gets the
/// region's own copy; the system administrator edits seeded ones. An unanswered version is changed in place.
/// </summary>
[Access(Role.SystemAdmin, Role.RegionAdmin, Entity = ScopedEntity.Instrument)]
public class EditModel(NastavnikDb db, CurrentUser me) : PageModel
{
    [BindProperty] public InstrumentForm Form { get; set; } = new();
    public Instrument Instrument { get; private set; } = null!;
    public int Responses { get; private set; }
    /// <summary>Saving creates a new instrument (a new version or the region's copy) instead of changing this one.</summary>
    public bool SavesCopy { get; private set; }

    public async Task<IActionResult> OnGetAsync(long id)
    {
        if (!await LoadAsync(id)) return NotFound();
        Form = InstrumentForm.From(Instrument);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(long id)
    {
        if (!await LoadAsync(id)) return NotFound();
        Form.Validate(ModelState);
        if (!ModelState.IsValid) return Invalid();

        var scope = await me.GetScopeAsync();
        var ordered = Form.Ordered();
        if (SavesCopy)
        {
            var latest = await db.Instruments.Where(i => i.Code == Instrument.Code).MaxAsync(i => i.Version);
            var copy = new Instrument
            {
                Code = Instrument.Code, Version = latest + 1,
                RegionId = scope.IsSystem ? Instrument.RegionId : Instrument.RegionId ?? scope.RegionIds.Min(),
            };
            Form.ApplyTo(copy);
            foreach (var (row, position) in ordered)
            {
                var item = new InstrumentItem();
                InstrumentForm.Fill(item, row, position);
                copy.Items.Add(item);
            }
            db.Instruments.Add(copy);
            // Another version saved meanwhile takes the same number: the unique (code, version) refuses this one.
            if (!await db.TrySaveAsync(ModelState, _ => ("", StaleSave.Message))) return Invalid();
            TempData["Message"] = $"Анкета «{copy.Name}» сохранена как версия {copy.Version}";
            return RedirectToPage("Index");
        }

        // Positions are unique per instrument: the kept items step aside first so that reordering cannot collide.
        await using var transaction = await db.Database.BeginTransactionAsync();
        foreach (var item in Instrument.Items) item.Position = -(int)Math.Min(item.Id, int.MaxValue);
        await db.SaveChangesAsync();
        Form.ApplyTo(Instrument);
        var keptIds = ordered.Where(x => x.Row.Id is not null).Select(x => x.Row.Id!.Value).ToHashSet();
        foreach (var item in Instrument.Items.Where(i => !keptIds.Contains(i.Id)).ToList())
        {
            Instrument.Items.Remove(item);
            db.InstrumentItems.Remove(item);
        }
        foreach (var (row, position) in ordered)
        {
            var item = Instrument.Items.FirstOrDefault(i => i.Id == row.Id);
            if (item is null)
            {
                item = new InstrumentItem();
                Instrument.Items.Add(item);
            }
            InstrumentForm.Fill(item, row, position);
        }
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
        TempData["Message"] = $"Анкета «{Instrument.Name}» сохранена";
        return RedirectToPage("Index");
    }

    /// <summary>The form again with its errors; the rows keep their indices so that each message stays by its row.</summary>
    private PageResult Invalid() => Page();

    /// <summary>The instrument when in the user's scope (seeded or of a region they administer).</summary>
    private async Task<bool> LoadAsync(long id)
    {
        var scope = await me.GetScopeAsync();
        var instrument = await db.Instruments.InScope(scope).Include(i => i.Items).SingleOrDefaultAsync(i => i.Id == id);
        if (instrument is null) return false;
        Instrument = instrument;
        Responses = await db.Responses.CountAsync(r => r.InstrumentId == id);
        SavesCopy = instrument.IsFrozen || Responses > 0 || (instrument.RegionId is null && !scope.IsSystem);
        return true;
    }
}
