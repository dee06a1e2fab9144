using Nastavnik.Data;
using Nastavnik.IntegrationTests.Infrastructure;
using Npgsql;

namespace Nastavnik.IntegrationTests.Consents;

[Collection(Collections.Pairs)]
public class PersonalDataCatalogTests(AppFixture app)
{
    private async Task<List<string>> ColumnsAsync()
    {
        // As the owner: information_schema shows the application role only the columns it may read.
        await using var connection = new NpgsqlConnection(app.OwnerConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("""
            select c.table_name || '.' || c.column_name from information_schema.columns c
            join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name and t.table_type = 'BASE TABLE'
            where c.table_schema = 'public'
              and c.data_type in ('text', 'character varying', 'character', 'json', 'jsonb', 'date', 'bytea', 'ARRAY', 'xml')
              and c.table_name not like '\_%' and c.table_name <> 'schema_migrations'
            order by 1
            """, connection);
        var columns = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync()) columns.Add(reader.GetString(0));
        return columns;
    }

    [Fact]
    public async Task Schema_EveryTextColumn_IsClassified()
    {
        var columns = await ColumnsAsync();
        var classified = PersonalData.PersonalColumns.Concat(PersonalData.NotPersonal.Keys).ToHashSet();

        var unclassified = columns.Where(c => !classified.Contains(c)).ToList();

        Assert.True(unclassified.Count == 0, "Classify in src/Nastavnik.Data/PersonalData.cs (personal, with its erasure, or not personal, "
            + "with why): " + string.Join(", ", unclassified));
    }

    [Fact]
    public async Task Catalog_EveryListedColumn_Exists()
    {
        var columns = (await ColumnsAsync()).ToHashSet();

        var missing = PersonalData.PersonalColumns.Concat(PersonalData.NotPersonal.Keys).Where(c => !columns.Contains(c)).ToList();

        Assert.True(missing.Count == 0, "Not in the schema: " + string.Join(", ", missing));
        Assert.Empty(PersonalData.PersonalColumns.Intersect(PersonalData.NotPersonal.Keys));
    }
}
