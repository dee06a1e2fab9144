using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Nastavnik.Data;

public static class DataServices
{
    public const string ConnectionStringName = "Nastavnik";

    /// <summary>DbContext on Npgsql. Throws when the connection string is missing: the hosts resolve it first.</summary>
    public static IServiceCollection AddNastavnikData(this IServiceCollection services, IConfiguration configuration)
    {
        var cs = configuration.GetConnectionString(ConnectionStringName);
        if (string.IsNullOrWhiteSpace(cs))
        {
            throw new InvalidOperationException(
                $"ConnectionStrings:{ConnectionStringName} is not set. Run `nastavnik serve` to start a local cluster, or set it.");
        }
        services.AddDbContext<NastavnikDb>(o => o.UseNpgsql(cs));
        return services;
    }
}
