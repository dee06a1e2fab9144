using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Nastavnik.Data;
using Nastavnik.Data.Entities;
using Nastavnik.Domain.Access;
using Nastavnik.Domain.Territories;
using Nastavnik.Domain.Text;
using Nastavnik.Web.Features.Shared;
using Nastavnik.Web.Infrastructure;
using Npgsql;
using RowStatus = Nastavnik.Domain.Territories.OrganizationImport.RowStatus;

namespace Nastavnik.Web.Features.Territories.Organizations;

/// <summary>
/// Loads a list of organizations from .xlsx or .csv in two steps: the upload is stored and previewed with every error
/// and every row's fate; confirming re-reads the stored file and writes all rows in one transaction, or none.
/// </summary>
[Access(Role.SystemAdmin, Role.RegionAdmin, Role.MunicipalCoordinator)]
public class ImportModel(NastavnikDb db, CurrentUser me, IOptions<NastavnikOptions> options, UploadStore uploads) : PageModel
{
    private const string Kind = "organizations";
    private readonly SpreadsheetReader _reader = new(options);

    [BindProperty] public IFormFile? Spreadsheet { get; set; }

    public Preview? Result { get; private set; }
    public IReadOnlyList<string> MunicipalityNames { get; private set; } = [];
    public string MaxSize => SpreadsheetReader.SizeText(options.Value.MaxUploadBytes);

    public async Task<IActionResult> OnGetAsync(long? upload)
    {
        if (upload is { } id)
        {
            var stored = await uploads.FindAsync(Kind, id);
            if (stored is null) return NotFound();
            Result = (await PrepareAsync(stored)).Preview;
        }
        await LoadMunicipalityNamesAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostUploadAsync()
    {
        await LoadMunicipalityNamesAsync();
        var (id, error) = await uploads.AcceptAsync(Kind, Spreadsheet, _reader.Check, (name, content) => _reader.Read(name, content).Error);
        if (id is null) ModelState.AddModelError(nameof(Spreadsheet), error!);
        return id is null ? Page() : RedirectToPage(new { upload = id });
    }

    public async Task<IActionResult> OnPostConfirmAsync(long upload)
    {
        var stored = await uploads.FindAsync(Kind, upload);
        if (stored is null) return NotFound();
        await LoadMunicipalityNamesAsync();
        var (preview, organizations) = await PrepareAsync(stored);
        Result = preview;
        if (preview.Errors.Count > 0) return Page();

        await using var transaction = await db.Database.BeginTransactionAsync();
        foreach (var decision in preview.Decisions)
        {
            var row = decision.Row;
            if (decision.Status == RowStatus.Unchanged) continue;
            var organization = decision.Status == RowStatus.New
                ? db.Organizations.Add(new Organization()).Entity
                : organizations[decision.ExistingId!.Value];
            organization.Name = row.Name;
            organization.ShortName = row.ShortName;
            organization.Type = row.Type;
            organization.MunicipalityId = row.MunicipalityId;
            organization.RegionId = row.RegionId;
            // An empty ИНН cell never erases a known ИНН; absent address or e-mail columns leave those fields alone.
            if (row.Inn is not null) organization.Inn = row.Inn;
            if (row.Address is not null) organization.Address = row.Address;
            if (row.Email is not null) organization.Email = row.Email;
        }
        db.Uploads.Remove(stored);
        var (added, updated, unchanged) = (preview.Count(RowStatus.New), preview.Count(RowStatus.Update), preview.Count(RowStatus.Unchanged));
        try
        {
            await db.SaveChangesAsync();
            var regions = preview.Decisions.Select(d => d.Row.RegionId).Distinct().ToList();
            await db.AuditAsync(AuditAction.Import, nameof(Organization), "", regions.Count == 1 ? regions[0] : null,
                $"добавлено {added}, обновлено {updated}, без изменений {unchanged}");
            await transaction.CommitAsync();
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            ModelState.AddModelError("", "Организации изменены другим пользователем. Обновите страницу и повторите загрузку.");
            return Page();
        }
        catch (DbUpdateException e) when (e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            db.ChangeTracker.Clear();
            ModelState.AddModelError("", "Организация с таким ИНН или с таким полным наименованием в муниципалитете уже есть. Ничего не загружено; обновите страницу и проверьте файл.");
            return Page();
        }

        TempData["Message"] = $"{RussianPlural.Choose(added, "Добавлена", "Добавлено", "Добавлено")} "
            + $"{RussianPlural.Format(added, "организация", "организации", "организаций")}, обновлено {updated}, без изменений {unchanged}";
        return LocalRedirect("/Territories/Organizations/Index");
    }

    public async Task<IActionResult> OnGetTemplateAsync()
    {
        var scope = await me.GetScopeAsync();
        var municipality = await db.Municipalities.InScope(scope).OrderBy(m => m.Name).Select(m => m.Name).FirstOrDefaultAsync();
        // The example has no ИНН and says it is one: imported unchanged it must not match and overwrite a real school.
        string[] example =
        [
            "Муниципальное бюджетное общеобразовательное учреждение «Средняя общеобразовательная школа № 1» (пример — удалите эту строку)",
            "МБОУ СОШ № 1", OrganizationType.School.Title(), municipality ?? "Город Азов", "", "346780, г. Азов, ул. Ленина, д. 1",
            "school1@example.ru",
        ];
        return File(XlsxWriter.Write("Организации", OrganizationImport.Columns, [example]), XlsxWriter.ContentType, "organizations-template.xlsx");
    }

    private async Task LoadMunicipalityNamesAsync()
    {
        var scope = await me.GetScopeAsync();
        MunicipalityNames = await db.Municipalities.InScope(scope).OrderBy(m => m.Name).Select(m => m.Name).ToListAsync();
    }

    /// <summary>
    /// Reads and validates the stored file against the municipalities and organizations the user reaches now, and
    /// returns the tracked organizations the rows will update.
    /// </summary>
    private async Task<(Preview Preview, Dictionary<long, Organization> Organizations)> PrepareAsync(Upload stored)
    {
        var read = _reader.Read(stored.FileName, stored.Content);
        if (read.Error is { } unreadable) return (new Preview(stored.Id, stored.FileName, [], [new OrganizationImport.Error(1, "", "", unreadable)], []), []);

        var scope = await me.GetScopeAsync();
        var municipalities = await db.Municipalities.AsNoTracking().InScope(scope)
            .Select(m => new OrganizationImport.Municipality(m.Id, m.Name, m.RegionId)).ToListAsync();
        var parsed = OrganizationImport.Parse(read.Rows, municipalities);

        var allowed = municipalities.Select(m => m.Id).ToArray();
        var inFile = parsed.Rows.Select(r => r.MunicipalityId).Distinct().ToArray();
        var inns = parsed.Rows.Where(r => r.Inn is not null).Select(r => r.Inn!).Distinct().ToArray();
        var organizations = await db.Organizations.InScope(scope)
            .Where(o => allowed.Contains(o.MunicipalityId) && (inFile.Contains(o.MunicipalityId) || (o.Inn != null && inns.Contains(o.Inn))))
            .ToDictionaryAsync(o => o.Id);
        var reachable = organizations.Values.Select(o => o.Inn).ToHashSet();
        // Deliberately not scoped: ИНН is unique across the whole system, so a row repeating an ИНН held elsewhere
        // can never be loaded. Only the numbers are read, nothing else about those organizations.
        var innsElsewhere = (await db.Organizations.Where(o => o.Inn != null && inns.Contains(o.Inn)).Select(o => o.Inn!).ToListAsync())
            .Where(inn => !reachable.Contains(inn)).ToHashSet();
        var plan = OrganizationImport.Plan(parsed.Rows,
            organizations.Values.Select(o => new OrganizationImport.Existing(o.Id, o.MunicipalityId, o.Name, o.ShortName, o.Type, o.Inn, o.Address, o.Email)).ToList(),
            innsElsewhere);

        var names = municipalities.ToDictionary(m => m.Id, m => m.Name);
        var rows = plan.Decisions.Select(d => new PreviewRow(d.Row.RowNumber, d.Row.Name, d.Row.ShortName, d.Row.Type.Title(),
            names[d.Row.MunicipalityId], d.Row.Inn ?? "", d.Row.Address, d.Row.Email, d.Status)).ToList();
        var errors = parsed.Errors.Concat(plan.Errors).OrderBy(e => e.RowNumber).ToList();
        return (new Preview(stored.Id, stored.FileName, rows, errors, plan.Decisions), organizations);
    }

    public sealed record PreviewRow(int RowNumber, string Name, string ShortName, string Type, string Municipality, string Inn,
        string? Address, string? Email, RowStatus Status);

    public sealed record Preview(long UploadId, string FileName, IReadOnlyList<PreviewRow> Rows, IReadOnlyList<OrganizationImport.Error> Errors,
        IReadOnlyList<OrganizationImport.Decision> Decisions)
    {
        public int Count(RowStatus status) => Decisions.Count(d => d.Status == status);
    }
}
