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
        services.AddDbContext<NastavnikDb>(o => o.UseNpgsql(WithAutoPrepare(cs)));
        return services;
    }

    /// <summary>
    /// Statements a connection runs again and again (the scope, the lists' pages) are prepared on the server after
    /// their second use, so PostgreSQL parses and plans them once per connection instead of on every request.
    /// A connection string that sets it itself is left alone.
    /// </summary>
    public static string WithAutoPrepare(string cs)
    {
        var builder = new Npgsql.NpgsqlConnectionStringBuilder(cs);
        if (builder.MaxAutoPrepare == 0) builder.MaxAutoPrepare = 64;
        return builder.ConnectionString;
    }
}
