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

/// <summary>
/// A user's card and every change to the account: roles, blocking, password. Each action reloads the user through
/// the admin's scope (404 outside it) and asks <see cref="UserAdministration"/> whether the admin may do it.
/// </summary>
[Access(Role.SystemAdmin, Role.RegionAdmin, Entity = ScopedEntity.User)]
public class CardModel(NastavnikDb db, UserManager<User> users, CurrentUser me, TimeProvider clock) : PageModel
{
    public UserCard Card { get; private set; } = null!;
    public AssignmentForm NewAssignment { get; set; } = new();
    public PasswordForm NewPassword { get; set; } = new();
    /// <summary>Why the admin may not change this account (name, password, blocking), or null when they may.</summary>
    public string? AccountError { get; private set; }
    public bool IsSelf { get; private set; }

    public async Task<IActionResult> OnGetAsync(long id)
    {
        var scope = await me.GetScopeAsync();
        if (!await LoadAsync(id, scope)) return NotFound();
        await db.AuditAsync(AuditAction.Read, nameof(User), id.ToString(), Card.RegionId);
        return Page();
    }

    public async Task<IActionResult> OnPostChoicesAsync(long id, [Bind(Prefix = nameof(NewAssignment))] AssignmentForm form)
    {
        ModelState.Clear();
        NewAssignment = form;
        return await PageAsync(id);
    }

    public async Task<IActionResult> OnPostAddAsync(long id, [Bind(Prefix = nameof(NewAssignment))] AssignmentForm form)
    {
        NewAssignment = form;
        var scope = await me.GetScopeAsync();
        var user = await db.Users.InScope(scope).Administered().SingleOrDefaultAsync(u => u.Id == id);
        if (user is null) return NotFound();
        if (!ModelState.IsValid) return await PageAsync(id);
        var (assignment, field, error) = await form.BuildAsync(db, scope);
        if (assignment is null)
        {
            ModelState.AddModelError($"{nameof(NewAssignment)}.{field}", error!);
            return await PageAsync(id);
        }
        user.Assignments.Add(assignment);
        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateException e) when (e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            user.Assignments.Remove(assignment);
            db.Entry(assignment).State = EntityState.Detached;
            ModelState.AddModelError($"{nameof(NewAssignment)}.{nameof(AssignmentForm.Role)}", "Эта роль на этом узле уже назначена");
            return await PageAsync(id);
        }
        TempData["Message"] = $"Роль «{assignment.Role.Title()}» назначена";
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostRemoveAsync(long id, long assignmentId)
    {
        var scope = await me.GetScopeAsync();
        var user = await db.Users.InScope(scope).Administered().Include(u => u.Assignments).SingleOrDefaultAsync(u => u.Id == id);
        var assignment = user?.Assignments.SingleOrDefault(a => a.Id == assignmentId);
        if (user is null || assignment is null) return NotFound();
        var error = UserAdministration.RemovalError(scope, me.Id!.Value, user.Id, ToDomain(assignment),
            user.Assignments.Select(ToDomain).ToList());
        if (error is not null) return await RefuseAsync(id, error);
        db.RoleAssignments.Remove(assignment);
        await db.SaveChangesAsync();
        TempData["Message"] = $"Роль «{assignment.Role.Title()}» снята";
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostBlockAsync(long id) => await ChangeAccountAsync(id, user =>
    {
        if (UserAdministration.DeactivationError(me.Id!.Value, user.Id) is { } error) return error;
        user.IsActive = false;
        return null;
    }, "Пользователь заблокирован");

    public async Task<IActionResult> OnPostUnblockAsync(long id) => await ChangeAccountAsync(id, user =>
    {
        user.IsActive = true;
        // Lifts a lockout after failed sign-ins too: the admin has just vouched for the account.
        user.LockoutEnd = null;
        user.AccessFailedCount = 0;
        return null;
    }, "Пользователь разблокирован");

    public async Task<IActionResult> OnPostResetPasswordAsync(long id, [Bind(Prefix = nameof(NewPassword))] PasswordForm form)
    {
        NewPassword = form;
        if (!ModelState.IsValid)
        {
            // Still 404 for a user out of scope, before any error is shown.
            return await PageAsync(id);
        }
        var scope = await me.GetScopeAsync();
        var user = await db.Users.InScope(scope).Administered().SingleOrDefaultAsync(u => u.Id == id);
        if (user is null) return NotFound();
        foreach (var validator in users.PasswordValidators)
        {
            var result = await validator.ValidateAsync(users, user, form.New);
            foreach (var e in result.Errors) ModelState.AddModelError($"{nameof(NewPassword)}.{nameof(PasswordForm.New)}", e.Description);
        }
        if (!ModelState.IsValid) return await PageAsync(id);
        return await ChangeAccountAsync(id, u =>
        {
            u.PasswordHash = users.PasswordHasher.HashPassword(u, form.New);
            // A new stamp ends the user's other sessions at their next validation.
            u.SecurityStamp = Guid.NewGuid().ToString("N");
            u.LockoutEnd = null;
            u.AccessFailedCount = 0;
            return null;
        }, "Пароль изменён. Сообщите его пользователю лично.");
    }

    /// <summary>Loads the user in scope, checks the admin may change the account, applies the change and saves.</summary>
    private async Task<IActionResult> ChangeAccountAsync(long id, Func<User, string?> change, string message)
    {
        var scope = await me.GetScopeAsync();
        var user = await db.Users.InScope(scope).Administered().Include(u => u.Assignments).SingleOrDefaultAsync(u => u.Id == id);
        if (user is null) return NotFound();
        var error = UserAdministration.AccountError(scope, user.Assignments.Select(ToDomain)) ?? change(user);
        if (error is not null) return await RefuseAsync(id, error);
        await db.SaveChangesAsync();
        TempData["Message"] = message;
        return RedirectToPage(new { id });
    }

    private async Task<IActionResult> RefuseAsync(long id, string error)
    {
        db.ChangeTracker.Clear();
        ModelState.AddModelError("", error);
        return await PageAsync(id);
    }

    private async Task<IActionResult> PageAsync(long id) => await LoadAsync(id, await me.GetScopeAsync()) ? Page() : NotFound();

    private async Task<bool> LoadAsync(long id, Scope scope)
    {
        var card = await db.Users.AsNoTracking().InScope(scope).Administered().Where(u => u.Id == id)
            .Select(u => new UserCard
            {
                Id = u.Id,
                FullName = u.FullName,
                UserName = u.UserName!,
                Email = u.Email,
                IsActive = u.IsActive,
                LockoutEnd = u.LockoutEnd,
                CreatedAt = u.CreatedAt,
                Assignments = u.Assignments.OrderBy(a => a.Id).Select(a => new AssignmentRow
                {
                    Id = a.Id,
                    Role = a.Role,
                    RegionId = a.RegionId,
                    MunicipalityId = a.MunicipalityId,
                    OrganizationId = a.OrganizationId,
                    Node = a.Organization != null ? a.Organization.ShortName
                        : a.Municipality != null ? a.Municipality.Name
                        : a.Region != null ? a.Region.Name
                        : "вся система",
                }).ToList(),
            })
            .SingleOrDefaultAsync();
        if (card is null) return false;
        var assignments = card.Assignments.Select(a => a.ToDomain()).ToList();
        foreach (var row in card.Assignments)
        {
            row.CanRemove = UserAdministration.RemovalError(scope, me.Id!.Value, card.Id, row.ToDomain(), assignments) is null;
        }
        if (card.LockoutEnd <= clock.GetUtcNow()) card.LockoutEnd = null;
        // The region the card belongs to in the audit log: one the admin administers, so they see their own reads.
        card.RegionId = card.Assignments.Select(a => a.RegionId)
            .FirstOrDefault(r => r is { } region && (scope.IsSystem || scope.RegionIds.Contains(region)));
        Card = card;
        AccountError = UserAdministration.AccountError(scope, assignments);
        IsSelf = card.Id == me.Id;
        if (NewAssignment.RegionId is null && scope.RegionIds.Count == 1 && !scope.IsSystem) NewAssignment.RegionId = scope.RegionIds.First();
        NewAssignment.Choices = await AssignmentChoices.LoadAsync(db, scope, NewAssignment);
        return true;
    }

    private static Assignment ToDomain(RoleAssignment a) => new(a.Role, a.RegionId, a.MunicipalityId, a.OrganizationId);

    public sealed class UserCard
    {
        public long Id { get; init; }
        public string FullName { get; init; } = "";
        public string UserName { get; init; } = "";
        public string? Email { get; init; }
        public bool IsActive { get; init; }
        /// <summary>End of a lockout after failed sign-ins; null when none is in force.</summary>
        public DateTimeOffset? LockoutEnd { get; set; }
        public DateTimeOffset CreatedAt { get; init; }
        public long? RegionId { get; set; }
        public List<AssignmentRow> Assignments { get; init; } = [];
    }

    public sealed class AssignmentRow
    {
        public long Id { get; init; }
        public Role Role { get; init; }
        public long? RegionId { get; init; }
        public long? MunicipalityId { get; init; }
        public long? OrganizationId { get; init; }
        public string Node { get; init; } = "";
        public bool CanRemove { get; set; }

        public Assignment ToDomain() => new(Role, RegionId, MunicipalityId, OrganizationId);
    }

    public sealed class PasswordForm
    {
        [Required(ErrorMessage = "Укажите новый пароль"), DataType(DataType.Password)]
        [StringLength(200, MinimumLength = IdentitySetup.MinPasswordLength, ErrorMessage = "Пароль должен содержать не менее 10 символов")]
        public string New { get; set; } = "";

        [Required(ErrorMessage = "Повторите новый пароль"), DataType(DataType.Password)]
        [Compare(nameof(New), ErrorMessage = "Пароли не совпадают")]
        public string Repeat { get; set; } = "";
    }
}
