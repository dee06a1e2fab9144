using Microsoft.AspNetCore.Identity;

namespace Nastavnik.Data;

/// <summary>The account rules, shared by the web sign-in and `nastavnik create-user`.</summary>
public static class IdentitySetup
{
    public const int MinPasswordLength = 10;

    public static void Configure(IdentityOptions o)
    {
        o.Password.RequiredLength = MinPasswordLength;
        o.Password.RequireDigit = false;
        o.Password.RequireLowercase = false;
        o.Password.RequireUppercase = false;
        o.Password.RequireNonAlphanumeric = false;
        o.Password.RequiredUniqueChars = 1;
        o.Lockout.MaxFailedAccessAttempts = 5;
        o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
        o.Lockout.AllowedForNewUsers = true;
        o.User.RequireUniqueEmail = false;
        o.User.AllowedUserNameCharacters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._@";
    }
}
