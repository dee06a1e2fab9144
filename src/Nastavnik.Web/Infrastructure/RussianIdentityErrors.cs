using Microsoft.AspNetCore.Identity;
using Nastavnik.Web.Features.Shared;

namespace Nastavnik.Web.Infrastructure;

public sealed class RussianIdentityErrors : IdentityErrorDescriber
{
    public override IdentityError PasswordTooShort(int length) =>
        new() { Code = nameof(PasswordTooShort), Description = $"Пароль должен содержать не менее {length} символов" };

    public override IdentityError DuplicateUserName(string userName) =>
        new() { Code = nameof(DuplicateUserName), Description = $"Логин «{userName}» уже занят" };

    public override IdentityError InvalidUserName(string? userName) =>
        new() { Code = nameof(InvalidUserName), Description = "Логин может содержать только латинские буквы, цифры и символы . _ - @" };

    public override IdentityError PasswordMismatch() =>
        new() { Code = nameof(PasswordMismatch), Description = "Неверный текущий пароль" };

    public override IdentityError ConcurrencyFailure() =>
        new() { Code = nameof(ConcurrencyFailure), Description = StaleSave.Message };

    public override IdentityError DefaultError() =>
        new() { Code = nameof(DefaultError), Description = "Не удалось выполнить операцию" };
}
