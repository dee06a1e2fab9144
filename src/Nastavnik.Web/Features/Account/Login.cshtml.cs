using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Nastavnik.Data;
using Nastavnik.Data.Entities;

namespace Nastavnik.Web.Features.Account;

[AllowAnonymous]
public class LoginModel(SignInManager<User> signIn, UserManager<User> users, NastavnikDb db) : PageModel
{
    [BindProperty] public LoginForm Form { get; set; } = new();
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }

    public IActionResult OnGet() => User.Identity?.IsAuthenticated == true ? LocalRedirect(SafeReturnUrl) : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid) return Page();
        var user = await users.FindByNameAsync(Form.UserName.Trim());
        if (user is null || !await db.UsableUsers.AnyAsync(u => u.Id == user.Id))
        {
            await db.AuditAsync(AuditAction.SignInFailed, nameof(User), "", null, $"логин {AuditActor.LoginHash(Form.UserName)}");
            ModelState.AddModelError("", "Неверный логин или пароль");
            return Page();
        }
        var result = await signIn.PasswordSignInAsync(user, Form.Password, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            await db.AuditSignInAsync(AuditAction.SignIn, user);
            return LocalRedirect(SafeReturnUrl);
        }
        if (result.IsLockedOut)
        {
            await db.AuditSignInAsync(AuditAction.Lockout, user);
            ModelState.AddModelError("", "Учётная запись временно заблокирована после 5 неудачных попыток входа. Повторите через 15 минут.");
            return Page();
        }
        await db.AuditSignInAsync(AuditAction.SignInFailed, user);
        ModelState.AddModelError("", "Неверный логин или пароль");
        return Page();
    }

    private string SafeReturnUrl => !string.IsNullOrEmpty(ReturnUrl) && Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/";

    public sealed class LoginForm
    {
        [Required(ErrorMessage = "Укажите логин"), StringLength(100, ErrorMessage = "Логин длиннее 100 символов")]
        [Display(Name = "Логин")]
        public string UserName { get; set; } = "";

        [Required(ErrorMessage = "Укажите пароль"), DataType(DataType.Password), StringLength(200)]
        [Display(Name = "Пароль")]
        public string Password { get; set; } = "";
    }
}
