using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Nastavnik.Data;
using Nastavnik.Data.Entities;
using Nastavnik.Web.Infrastructure;

namespace Nastavnik.Web.Features.Account;

[Access]
public class LogoutModel(SignInManager<User> signIn, NastavnikDb db, CurrentUser me) : PageModel
{
    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        await db.AuditAsync(AuditAction.SignOut, nameof(User), me.Id?.ToString() ?? "", null);
        await signIn.SignOutAsync();
        return RedirectToPage("/Account/Login");
    }
}
