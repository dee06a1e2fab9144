using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Nastavnik.Data.Entities.People;
using Nastavnik.Domain.People;

namespace Nastavnik.Web.Features.People;

/// <summary>A person's own fields, shared by Create and Edit; the kind decides which of the kind-specific ones apply.</summary>
public sealed class PersonForm
{
    [Required(ErrorMessage = "Выберите, кто это")] public PersonKind? Kind { get; set; }
    [Required(ErrorMessage = "Укажите фамилию"), StringLength(100, ErrorMessage = "Фамилия — не длиннее 100 символов")]
    public string LastName { get; set; } = "";
    [Required(ErrorMessage = "Укажите имя"), StringLength(100, ErrorMessage = "Имя — не длиннее 100 символов")]
    public string FirstName { get; set; } = "";
    [StringLength(100, ErrorMessage = "Отчество — не длиннее 100 символов")] public string? MiddleName { get; set; }
    public DateOnly? BirthDate { get; set; }
    public Sex? Sex { get; set; }
    [StringLength(50, ErrorMessage = "Телефон — не длиннее 50 символов")] public string? Phone { get; set; }
    [EmailAddress(ErrorMessage = "E-mail указан неверно"), StringLength(200, ErrorMessage = "E-mail — не длиннее 200 символов")]
    public string? Email { get; set; }
    [StringLength(10, ErrorMessage = "Класс — не длиннее 10 символов")] public string? ClassName { get; set; }
    [StringLength(200, ErrorMessage = "Должность — не длиннее 200 символов")] public string? Position { get; set; }
    [StringLength(500, ErrorMessage = "Предметы — не длиннее 500 символов")] public string? Subjects { get; set; }
    public DateOnly? ExperienceStart { get; set; }
    [StringLength(300, ErrorMessage = "Колледж (вуз) — не длиннее 300 символов")] public string? College { get; set; }
    public long? PartnerId { get; set; }
    public List<string> SpecialCategories { get; set; } = [];
    public uint Version { get; set; }

    public static PersonForm From(Person p) => new()
    {
        Kind = p.Kind, LastName = p.LastName, FirstName = p.FirstName, MiddleName = p.MiddleName, BirthDate = p.BirthDate, Sex = p.Sex,
        Phone = p.Phone, Email = p.Email, ClassName = p.ClassName, Position = p.Position, Subjects = p.Subjects,
        ExperienceStart = p.ExperienceStart, College = p.College, PartnerId = p.PartnerId, SpecialCategories = [.. p.SpecialCategories],
        Version = p.RowVersion,
    };

    /// <summary>Rules across fields; <paramref name="today"/> bounds the dates.</summary>
    public void Validate(ModelStateDictionary state, DateOnly today, ICollection<long> partnerIds)
    {
        if (BirthDate is { } b && (b > today || b < today.AddYears(-100)))
        {
            state.AddModelError("Form.BirthDate", "Дата рождения указана неверно");
        }
        if (ExperienceStart is { } e && e > today) state.AddModelError("Form.ExperienceStart", "Начало педагогического стажа не может быть в будущем");
        if (Kind == PersonKind.Pupil)
        {
            if (string.IsNullOrWhiteSpace(ClassName)) state.AddModelError("Form.ClassName", "Укажите класс обучающегося");
            else if (Domain.People.ClassName.Parse(ClassName) is null) state.AddModelError("Form.ClassName", "Класс указан неверно: пример «7Б»");
        }
        if (Kind == PersonKind.EmployerStaff && PartnerId is { } partner && !partnerIds.Contains(partner))
        {
            state.AddModelError("Form.PartnerId", "Выберите организацию-партнёра из списка");
        }
        if (SpecialCategories.Any(c => !PeopleTerms.SpecialCategories.ContainsKey(c)))
        {
            state.AddModelError("Form.SpecialCategories", "Выберите категории из списка");
        }
    }

    /// <summary>Copies the fields onto the person; special categories only when the user may see them.</summary>
    public void ApplyTo(Person p, bool specialCategories)
    {
        p.Kind = Kind!.Value;
        p.LastName = LastName.Trim();
        p.FirstName = FirstName.Trim();
        p.MiddleName = (MiddleName ?? "").Trim();
        p.BirthDate = BirthDate;
        p.Sex = Sex;
        p.Phone = (Phone ?? "").Trim();
        p.Email = (Email ?? "").Trim();
        var pupil = p.Kind == PersonKind.Pupil;
        var parsed = pupil ? Domain.People.ClassName.Parse(ClassName) : null;
        p.ClassName = parsed?.ToString() ?? "";
        p.Grade = parsed?.Grade;
        var teacher = p.Kind == PersonKind.Teacher;
        p.Position = teacher || p.Kind == PersonKind.EmployerStaff ? (Position ?? "").Trim() : "";
        p.Subjects = teacher ? (Subjects ?? "").Trim() : "";
        p.ExperienceStart = teacher ? ExperienceStart : null;
        p.College = p.Kind == PersonKind.Student ? (College ?? "").Trim() : "";
        p.PartnerId = p.Kind == PersonKind.EmployerStaff ? PartnerId : null;
        if (specialCategories) p.SpecialCategories = SpecialCategories.Distinct().Order().ToList();
    }
}
