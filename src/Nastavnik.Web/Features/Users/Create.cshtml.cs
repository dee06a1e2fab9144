using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Nastavnik.Data;
using Nastavnik.Data.Entities;
using Nastavnik.Domain.Access;
using Nastavnik.Web.Infrastructure;
using Npgsql;

namespace Nastavnik.Web.Features.Users;

[Access(Role.SystemAdmin, Role.RegionAdmin)]
public class CreateModel(NastavnikDb db, UserManager<User> users, CurrentUser me) : PageModel
{
    [BindProperty] public UserForm Form { get; set; } = new();

    /// <summary>Participants' accounts are created by their own organization (codes on slips), not here.</summary>
    public const string ParticipantRefused =
        "Учётные записи наставников, наставляемых и законных представителей создаёт их образовательная организация "
        + "(«Выдача и отзыв кодов»)";

    public async Task OnGetAsync()
    {
        var scope = await me.GetScopeAsync();
        Form.Assignment.Choices = await ChoicesAsync(scope);
    }

    private async Task<AssignmentChoices> ChoicesAsync(Scope scope)
    {
        var choices = await AssignmentChoices.LoadAsync(db, scope, Form.Assignment);
        var participant = ParticipantAccounts.ParticipantRoles.Select(r => r.ToString()).ToHashSet();
        return choices with { Roles = choices.Roles.Where(r => !participant.Contains(r.Value)).ToList() };
    }

    /// <summary>Re-renders the form with the node lists narrowed to the chosen region: the no-JavaScript cascade.</summary>
    public async Task OnPostChoicesAsync()
    {
        ModelState.Clear();
        await OnGetAsync();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var scope = await me.GetScopeAsync();
        if (Form.Assignment.Role is { } role && ParticipantAccounts.ParticipantRoles.Contains(role))
        {
            ModelState.AddModelError($"{nameof(Form)}.{nameof(Form.Assignment)}.{nameof(Form.Assignment.Role)}", ParticipantRefused);
        }
        else if (Form.Assignment.Role is not null)
        {
            var (assignment, field, error) = await Form.Assignment.BuildAsync(db, scope);
            if (assignment is null)
            {
                ModelState.AddModelError($"{nameof(Form)}.{nameof(Form.Assignment)}.{field}", error!);
            }
            else if (ModelState.IsValid && await CreateAsync(assignment) is { } id)
            {
                TempData["Message"] = $"Пользователь «{Form.UserName.Trim()}» создан";
                return RedirectToPage("Card", new { id });
            }
        }
        Form.Assignment.Choices = await ChoicesAsync(scope);
        return Page();
    }

    /// <summary>The user and the first assignment in one transaction: both are saved or neither.</summary>
    private async Task<long?> CreateAsync(RoleAssignment assignment)
    {
        var user = new User
        {
            UserName = Form.UserName.Trim(),
            FullName = Form.FullName.Trim(),
            Email = string.IsNullOrWhiteSpace(Form.Email) ? null : Form.Email.Trim(),
        };
        user.Assignments.Add(assignment);
        await using var tx = await db.Database.BeginTransactionAsync();
        IdentityResult result;
        try
        {
            result = await users.CreateAsync(user, Form.Password);
        }
        catch (DbUpdateException e) when (e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            // Two admins creating the same login at once: the second one meets the unique index.
            ModelState.AddModelError($"{nameof(Form)}.{nameof(Form.UserName)}", $"Логин «{user.UserName}» уже занят");
            return null;
        }
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors) ModelState.AddModelError(FieldOf(error), error.Description);
            return null;
        }
        await tx.CommitAsync();
        return user.Id;
    }

    private static string FieldOf(IdentityError error) => error.Code switch
    {
        _ when error.Code.StartsWith("Password") => $"{nameof(Form)}.{nameof(UserForm.Password)}",
        _ when error.Code.Contains("UserName") => $"{nameof(Form)}.{nameof(UserForm.UserName)}",
        _ when error.Code.Contains("Email") => $"{nameof(Form)}.{nameof(UserForm.Email)}",
        _ => "",
    };

    public sealed class UserForm
    {
        [Required(ErrorMessage = "Укажите ФИО"), StringLength(200, ErrorMessage = "ФИО длиннее 200 символов")]
        public string FullName { get; set; } = "";

        [Required(ErrorMessage = "Укажите логин"), StringLength(100, ErrorMessage = "Логин длиннее 100 символов")]
        public string UserName { get; set; } = "";

        [EmailAddress(ErrorMessage = "E-mail указан неверно"), StringLength(200, ErrorMessage = "E-mail длиннее 200 символов")]
        public string? Email { get; set; }

        // The length rule itself is Identity's (IdentitySetup); this repeats it so every error shows at once.
        [Required(ErrorMessage = "Укажите пароль"), DataType(DataType.Password)]
        [StringLength(200, MinimumLength = IdentitySetup.MinPasswordLength, ErrorMessage = "Пароль должен содержать не менее 10 символов")]
        public string Password { get; set; } = "";

        [Required(ErrorMessage = "Повторите пароль"), DataType(DataType.Password)]
        [Compare(nameof(Password), ErrorMessage = "Пароли не совпадают")]
        public string Repeat { get; set; } = "";

        public AssignmentForm Assignment { get; set; } = new();
    }
}
