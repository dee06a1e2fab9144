using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ModelBinding.Validation;
using Microsoft.EntityFrameworkCore;
using Nastavnik.Data;
using Nastavnik.Data.Entities;
using Nastavnik.Domain.Access;

namespace Nastavnik.Web.Features.Users;

/// <summary>
/// A role and its node, as chosen on the create form and on the card. All three node dropdowns are posted (the form
/// works without JavaScript); only the one the role's level needs is used.
/// </summary>
public sealed class AssignmentForm
{
    private const string OutOfScope = "Выбранный узел не найден или вне вашей области";

    [Required(ErrorMessage = "Выберите роль")]
    public Role? Role { get; set; }
    public long? RegionId { get; set; }
    public long? MunicipalityId { get; set; }
    public long? OrganizationId { get; set; }

    /// <summary>The dropdowns' options, filled by the page; never posted.</summary>
    [BindNever, ValidateNever]
    public AssignmentChoices Choices { get; set; } = AssignmentChoices.None;

    /// <summary>
    /// The assignment at the chosen node when that node is in the admin's scope and the admin may grant the role
    /// there; otherwise the form field to blame and a Russian error.
    /// </summary>
    public async Task<(RoleAssignment? Assignment, string Field, string? Error)> BuildAsync(NastavnikDb db, Scope admin)
    {
        if (Role is not { } role) return (null, nameof(Role), "Выберите роль");
        var field = role.Level() switch
        {
            ScopeLevel.System => nameof(Role),
            ScopeLevel.Region => nameof(RegionId),
            ScopeLevel.Municipality => nameof(MunicipalityId),
            _ => nameof(OrganizationId),
        };
        long? regionId = null;
        Municipality? municipality = null;
        Organization? organization = null;
        switch (role.Level())
        {
            case ScopeLevel.Region when RegionId is { } id:
                if (!await db.Regions.InScope(admin).AnyAsync(r => r.Id == id)) return (null, field, OutOfScope);
                regionId = id;
                break;
            case ScopeLevel.Municipality when MunicipalityId is { } id:
                municipality = await db.Municipalities.InScope(admin).SingleOrDefaultAsync(m => m.Id == id);
                if (municipality is null) return (null, field, OutOfScope);
                break;
            case ScopeLevel.Organization when OrganizationId is { } id:
                organization = await db.Organizations.InScope(admin).SingleOrDefaultAsync(o => o.Id == id);
                if (organization is null) return (null, field, OutOfScope);
                break;
        }
        var (assignment, error) = RoleAssignment.For(role, regionId, municipality, organization);
        if (assignment is null) return (null, field, error);
        error = UserAdministration.AssignmentError(admin,
            new Assignment(assignment.Role, assignment.RegionId, assignment.MunicipalityId, assignment.OrganizationId));
        return error is null ? (assignment, field, null) : (null, field, error);
    }
}
