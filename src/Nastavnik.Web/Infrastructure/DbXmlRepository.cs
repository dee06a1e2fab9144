using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.EntityFrameworkCore;
using Nastavnik.Data;
using Nastavnik.Data.Entities;

namespace Nastavnik.Web.Infrastructure;

/// <summary>
/// Keeps the Data Protection key ring in PostgreSQL so that cookies and antiforgery tokens issued by one web node
/// validate on every other. Written by hand: Microsoft.AspNetCore.DataProtection.EntityFrameworkCore does not
/// restore from the package mirror, and the repository contract is two methods.
/// </summary>
public sealed class DbXmlRepository(IServiceScopeFactory scopes) : IXmlRepository
{
    public IReadOnlyCollection<XElement> GetAllElements()
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<NastavnikDb>();
        return db.DataProtectionKeys.AsNoTracking().OrderBy(k => k.Id).Select(k => k.Xml).ToList()
            .Select(XElement.Parse).ToList();
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<NastavnikDb>();
        db.DataProtectionKeys.Add(new DataProtectionKey { FriendlyName = friendlyName, Xml = element.ToString(SaveOptions.DisableFormatting) });
        // Synchronous by contract of IXmlRepository; key creation is rare.
        db.SaveChangesAsync().GetAwaiter().GetResult();
    }
}
