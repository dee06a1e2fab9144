using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Nastavnik.Data;
using Nastavnik.Data.Entities;
using Nastavnik.Data.Entities.People;
using Nastavnik.Domain.Access;
using Nastavnik.Domain.Pairs;
using Nastavnik.Domain.People;
using Nastavnik.Domain.Text;
using Nastavnik.Web.Features.Shared;
using Nastavnik.Web.Infrastructure;
using PersonEntity = Nastavnik.Data.Entities.People.Person;

namespace Nastavnik.Web.Features.Consents;

/// <summary>
/// A person's consents under 152-ФЗ: the list, what <see cref="ConsentRules"/> find missing, recording a consent (by the
/// person or one of their legal representatives, with an optional scan), adding a representative, withdrawing a consent
/// (a withdrawn processing consent blocks the person at once) and the printable consent form (.docx).
/// Every change recomputes the person's status in the same save.
/// </summary>
[Access(Role.OrgHead, Role.Curator, Entity = ScopedEntity.Person)]
public class PersonModel(NastavnikDb db, CurrentUser me, IOptions<NastavnikOptions> options, TimeProvider clock) : PageModel
{
    public PersonEntity Subject { get; private set; } = null!;
    public IReadOnlyList<LegalRepresentative> Representatives { get; private set; } = [];
    public IReadOnlyList<string> Missing { get; private set; } = [];
    public ConsentCheck DistributionCheck { get; private set; } = new(false, []);
    public RecordForm Record { get; set; } = new();
    public RepresentativeForm NewRepresentative { get; set; } = new();
    public string MaxSize => SpreadsheetReader.SizeText(options.Value.MaxUploadBytes);
    public DateOnly Today => clock.MoscowToday();

    public async Task<IActionResult> OnGetAsync(long id)
    {
        if (!await LoadAsync(id)) return NotFound();
        await db.AuditAsync(AuditAction.Read, nameof(Nastavnik.Data.Entities.People.Person), id.ToString(), Subject.RegionId, "согласия");
        return Page();
    }

    public async Task<IActionResult> OnPostRecordAsync(long id, [Bind(Prefix = nameof(Record))] RecordForm form)
    {
        Record = form;
        if (!await LoadAsync(id)) return NotFound();
        var representative = form.RepresentativeId is { } repId and not 0 ? Representatives.SingleOrDefault(r => r.RepresentativeId == repId) : null;
        AddErrors(nameof(Record), ConsentRecording.CheckRecord(Subject.Status, Subject.BirthDate, form.GivenOn, form.RepresentativeId,
            Representatives.Select(r => r.RepresentativeId), Today));

        var scanName = "";
        byte[]? scan = null;
        if (form.Scan is { Length: > 0 } file)
        {
            scanName = Path.GetFileName(file.FileName);
            if (file.Length > options.Value.MaxUploadBytes)
            {
                ModelState.AddModelError("Record.Scan", $"Скан больше допустимого размера ({MaxSize})");
            }
            else
            {
                using var buffer = new MemoryStream();
                await file.CopyToAsync(buffer);
                scan = buffer.ToArray();
                if (ConsentStatus.ScanContentType(scanName, scan) is null)
                    ModelState.AddModelError("Record.Scan", "Скан согласия должен быть файлом PDF, JPG или PNG");
            }
        }
        if (!ModelState.IsValid) return Page();

        var person = await db.People.Include(p => p.Consents).SingleAsync(p => p.Id == id);
        person.Consents.Add(new Consent
        {
            RegionId = person.RegionId, OrganizationId = person.OrganizationId, Purpose = form.Purpose,
            Signer = ConsentRecording.SignerOf(representative is not null),
            RepresentativeId = representative?.RepresentativeId,
            Authority = representative is null ? "" : ConsentStatus.Authority(representative.Relationship),
            GivenOn = form.GivenOn!.Value, FormVersion = form.FormVersion.Trim(), DocumentNumber = (form.DocumentNumber ?? "").Trim(),
            DistributionScope = ConsentRecording.DistributionScope(form.Purpose, form.DistributionScope),
            ScanFileName = scan is null ? "" : scanName, ScanContent = scan,
        });
        ConsentStatus.Recompute(person, Today);
        await db.SaveChangesAsync();
        TempData["Message"] = $"Записано: {form.Purpose.Title().ToLowerInvariant()}. Статус: {person.Status.Title().ToLowerInvariant()}";
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostRepresentativeAsync(long id, [Bind(Prefix = nameof(NewRepresentative))] RepresentativeForm form)
    {
        NewRepresentative = form;
        if (!await LoadAsync(id)) return NotFound();
        AddErrors(nameof(NewRepresentative), ConsentRecording.CheckRepresentative(Subject.Status, form.Relationship, form.Document));
        if (!ModelState.IsValid) return Page();

        var parent = new PersonEntity
        {
            RegionId = Subject.RegionId, OrganizationId = Subject.OrganizationId, Kind = PersonKind.Parent,
            LastName = form.LastName.Trim(), FirstName = form.FirstName.Trim(), MiddleName = (form.MiddleName ?? "").Trim(),
            Phone = (form.Phone ?? "").Trim(),
        };
        db.LegalRepresentatives.Add(new LegalRepresentative
        {
            ChildId = id, Representative = parent, Relationship = form.Relationship, Document = (form.Document ?? "").Trim(),
        });
        await db.SaveChangesAsync();
        TempData["Message"] = $"Законный представитель добавлен: {parent.FullName}";
        return RedirectToPage(new { id });
    }

    /// <summary>Marks a consent withdrawn (<see cref="ConsentWithdrawal"/>).</summary>
    public async Task<IActionResult> OnPostWithdrawAsync(long id, long consentId, DateOnly? withdrawnOn)
    {
        var scope = await me.GetScopeAsync();
        var person = await db.People.InScope(scope).Include(p => p.Consents).SingleOrDefaultAsync(p => p.Id == id);
        var consent = person?.Consents.SingleOrDefault(c => c.Id == consentId);
        if (person is null || consent is null) return NotFound();
        var on = withdrawnOn ?? Today;
        // The date comes as a handler argument, not a form property: its errors go under the argument's name.
        foreach (var error in await ConsentWithdrawal.WithdrawAsync(db, person, consent, on, clock))
        {
            ModelState.AddModelError(nameof(withdrawnOn), error.Message);
        }
        if (!ModelState.IsValid)
        {
            await LoadAsync(id);
            return Page();
        }

        TempData["Message"] = person.Status == PersonStatus.Blocked
            ? "Согласие отозвано: данные заблокированы и будут уничтожены в установленный срок"
            : $"Согласие отозвано: {consent.Purpose.Title().ToLowerInvariant()}";
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnGetScanAsync(long id, long consentId)
    {
        var scope = await me.GetScopeAsync();
        var scan = await db.Consents.Where(c => c.Id == consentId && c.PersonId == id && c.ScanContent != null)
            .Where(c => db.People.InScope(scope).Any(p => p.Id == c.PersonId))
            .Select(c => new { c.ScanFileName, c.ScanContent, c.RegionId }).SingleOrDefaultAsync();
        if (scan is null) return NotFound();
        await db.AuditAsync(AuditAction.Read, nameof(Consent), consentId.ToString(), scan.RegionId, "скан согласия");
        return File(scan.ScanContent!, ConsentStatus.ScanContentType(scan.ScanFileName, scan.ScanContent) ?? "application/octet-stream", scan.ScanFileName);
    }

    /// <summary>The printable consent (.docx) prefilled for the person, the chosen representative and the organization.</summary>
    public async Task<IActionResult> OnGetFormAsync(long id, long? representativeId, ConsentPurpose purpose = ConsentPurpose.Processing)
    {
        if (!await LoadAsync(id)) return NotFound();
        if (Subject.Status == PersonStatus.Destroyed) return NotFound();
        var representative = representativeId is { } r ? Representatives.SingleOrDefault(x => x.RepresentativeId == r) : null;
        if (representativeId is not null && representative is null) return NotFound();
        var organization = await db.Organizations.Where(o => o.Id == Subject.OrganizationId)
            .Select(o => new ConsentDocument.Operator(o.Name, o.Inn ?? "", o.Address)).SingleAsync();
        var content = ConsentDocument.Write(new ConsentDocument.Data(Subject.FullName, Subject.BirthDate, Subject.ClassName,
            representative?.Representative.FullName, representative?.Relationship, representative?.Document ?? "", organization, purpose, Today));
        var fileName = $"Согласие {Subject.LastName} {Subject.FirstName}.docx";
        await db.AuditAsync(AuditAction.Export, nameof(Nastavnik.Data.Entities.People.Person), id.ToString(), Subject.RegionId, $"бланк согласия: {fileName}");
        return File(content, DocxWriter.ContentType, fileName);
    }

    private void AddErrors(string form, IReadOnlyList<RuleError> errors)
    {
        foreach (var error in errors) ModelState.AddModelError(error.Field.Length == 0 ? form : $"{form}.{error.Field}", error.Message);
    }

    private async Task<bool> LoadAsync(long id)
    {
        var scope = await me.GetScopeAsync();
        var person = await db.People.InScope(scope).AsNoTracking()
            .Include(p => p.Consents.OrderByDescending(c => c.GivenOn).ThenByDescending(c => c.Id)).ThenInclude(c => c.Representative)
            .Include(p => p.Organization)
            .SingleOrDefaultAsync(p => p.Id == id);
        if (person is null) return false;
        Subject = person;
        Representatives = await db.LegalRepresentatives.AsNoTracking().Where(r => r.ChildId == id).Include(r => r.Representative)
            .OrderBy(r => r.Representative.LastName).ThenBy(r => r.Id).ToListAsync();
        var facts = ConsentStatus.Facts(person.Consents).ToList();
        Missing = ConsentRules.Missing(person.BirthDate, person.Kind, facts, Today);
        DistributionCheck = ConsentRules.Distribution(person.BirthDate, person.Kind, facts, Today);
        return true;
    }

    public sealed class RecordForm
    {
        public ConsentPurpose Purpose { get; set; } = ConsentPurpose.Processing;
        /// <summary>0 or empty: signed by the person themself; otherwise the representative's person id.</summary>
        public long? RepresentativeId { get; set; }
        [Required(ErrorMessage = "Укажите дату согласия")]
        public DateOnly? GivenOn { get; set; }
        [Required(ErrorMessage = "Укажите версию формы согласия"), StringLength(50, ErrorMessage = "Версия формы — не больше 50 символов")]
        public string FormVersion { get; set; } = ConsentDocument.FormVersion;
        [StringLength(100, ErrorMessage = "Номер документа — не больше 100 символов")]
        public string? DocumentNumber { get; set; }
        [StringLength(1000, ErrorMessage = "Что и где распространяется — не больше 1000 символов")]
        public string? DistributionScope { get; set; }
        public IFormFile? Scan { get; set; }
    }

    public sealed class RepresentativeForm
    {
        [Required(ErrorMessage = "Укажите фамилию представителя"), StringLength(100, ErrorMessage = "Фамилия — не больше 100 символов")]
        public string LastName { get; set; } = "";
        [Required(ErrorMessage = "Укажите имя представителя"), StringLength(100, ErrorMessage = "Имя — не больше 100 символов")]
        public string FirstName { get; set; } = "";
        [StringLength(100, ErrorMessage = "Отчество — не больше 100 символов")]
        public string? MiddleName { get; set; }
        public Relationship Relationship { get; set; } = Relationship.Mother;
        [StringLength(50, ErrorMessage = "Телефон — не больше 50 символов")]
        public string? Phone { get; set; }
        [StringLength(300, ErrorMessage = "Документ — не больше 300 символов")]
        public string? Document { get; set; }
    }
}
