using Nastavnik.Web.Infrastructure;
using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Nastavnik.Data.Entities;

namespace Nastavnik.Web.Features.Account;

[Access]
public class ChangePasswordModel(UserManager<User> users, SignInManager<User> signIn) : PageModel
{
    [BindProperty] public PasswordForm Form { get; set; } = new();

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid) return Page();
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        var result = await users.ChangePasswordAsync(user, Form.Current, Form.New);
        if (!result.Succeeded)
        {
            foreach (var e in result.Errors) ModelState.AddModelError("", e.Description);
            return Page();
        }
        await signIn.RefreshSignInAsync(user);
        TempData["Message"] = "Пароль изменён";
        return RedirectToPage("/Index");
    }

    public sealed class PasswordForm
    {
        [Required(ErrorMessage = "Укажите текущий пароль"), DataType(DataType.Password)]
        public string Current { get; set; } = "";

        [Required(ErrorMessage = "Укажите новый пароль"), DataType(DataType.Password)]
        [StringLength(200, MinimumLength = 10, ErrorMessage = "Пароль должен содержать не менее 10 символов")]
        public string New { get; set; } = "";

        [Required(ErrorMessage = "Повторите новый пароль"), DataType(DataType.Password)]
        [Compare(nameof(New), ErrorMessage = "Пароли не совпадают")]
        public string Repeat { get; set; } = "";
    }
}
