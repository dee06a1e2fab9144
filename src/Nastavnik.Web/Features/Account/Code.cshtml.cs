using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Nastavnik.Data;
using Nastavnik.Data.Entities;

namespace Nastavnik.Web.Features.Account;

/// <summary>
/// First sign-in of a pupil with the login and one-time code from the slip; the same form sets the password, so nobody
/// signs in by code without choosing a password. A code works once; an expired one is refused with a Russian message; a
/// revoked one (the curator revoked it or issued a newer code) is refused like an unknown code. For a pupil who already
/// has a password (a re-issued code), the old password keeps working until this form replaces it.
/// </summary>
[AllowAnonymous]
public class CodeModel(UserManager<User> users, SignInManager<User> signIn, NastavnikDb db, TimeProvider clock) : PageModel
{
    public const string Invalid = "Неверный логин или код";
    public const string Blocked = "Вход по коду недоступен: обработка данных участника прекращена. Обратитесь к куратору программы.";
    public const string Expired = "Срок действия кода истёк. Попросите куратора выдать новый код.";

    [BindProperty] public CodeForm Form { get; set; } = new();

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid) return Page();
        var user = await users.FindByNameAsync(Form.UserName.Trim());
        var codes = user is null || !user.IsActive ? [] : await db.AccessCodes.Where(c => c.UserId == user.Id && c.UsedAt == null && c.RevokedAt == null).ToListAsync();
        var typed = CodeGenerator.Normalize(Form.Code);
        var code = codes.FirstOrDefault(c => users.PasswordHasher.VerifyHashedPassword(user!, c.CodeHash, typed) != PasswordVerificationResult.Failed);
        if (code is null)
        {
            await db.AuditAsync(AuditAction.SignInFailed, nameof(User), user?.Id.ToString() ?? "", null,
                user is null ? $"вход по коду, логин {AuditActor.LoginHash(Form.UserName)}" : "вход по коду");
            ModelState.AddModelError("", Invalid);
            return Page();
        }
        // A participant whose data may no longer be processed (consent withdrawn, data destroyed) does not sign in.
        if (!await db.UsableUsers.AnyAsync(u => u.Id == user!.Id))
        {
            ModelState.AddModelError("", Blocked);
            return Page();
        }
        if (code.ExpiresAt <= clock.GetUtcNow())
        {
            ModelState.AddModelError("", Expired);
            return Page();
        }
        foreach (var validator in users.PasswordValidators)
        {
            var check = await validator.ValidateAsync(users, user!, Form.NewPassword);
            foreach (var e in check.Errors) ModelState.AddModelError("Form.NewPassword", e.Description);
        }
        if (!ModelState.IsValid) return Page();

        code.UsedAt = clock.GetUtcNow();
        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateConcurrencyException)
        {
            // Revoked (or used by a second submit) between reading and saving: the code is gone as if unknown.
            ModelState.AddModelError("", Invalid);
            return Page();
        }
        if (await users.HasPasswordAsync(user!)) await users.RemovePasswordAsync(user!);
        var added = await users.AddPasswordAsync(user!, Form.NewPassword);
        if (!added.Succeeded)
        {
            foreach (var e in added.Errors) ModelState.AddModelError("Form.NewPassword", e.Description);
            return Page();
        }
        // A pupil who locked the account by guessing the forgotten password starts afresh with the new one.
        await users.ResetAccessFailedCountAsync(user!);
        await users.SetLockoutEndDateAsync(user!, null);
        await signIn.SignInAsync(user!, isPersistent: false);
        await db.AuditSignInAsync(AuditAction.SignIn, user!);
        TempData["Message"] = "Пароль установлен. Дальше входите с логином и этим паролем.";
        return LocalRedirect("/");
    }

    public sealed class CodeForm
    {
        [Required(ErrorMessage = "Укажите логин"), StringLength(100, ErrorMessage = "Логин длиннее 100 символов"), Display(Name = "Логин")]
        public string UserName { get; set; } = "";

        [Required(ErrorMessage = "Укажите код с листка"), StringLength(20, ErrorMessage = "Код длиннее 20 символов"), Display(Name = "Код")]
        public string Code { get; set; } = "";

        [Required(ErrorMessage = "Придумайте пароль"), DataType(DataType.Password), Display(Name = "Новый пароль")]
        [StringLength(200, MinimumLength = 10, ErrorMessage = "Пароль должен содержать не менее 10 символов")]
        public string NewPassword { get; set; } = "";

        [Required(ErrorMessage = "Повторите пароль"), DataType(DataType.Password), Display(Name = "Повторите пароль")]
        [Compare(nameof(NewPassword), ErrorMessage = "Пароли не совпадают")]
        public string Repeat { get; set; } = "";
    }
}
