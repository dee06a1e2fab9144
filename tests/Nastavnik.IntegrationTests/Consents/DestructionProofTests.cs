using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Nastavnik.Data.Local;
using Nastavnik.IntegrationTests.Infrastructure;
using Nastavnik.Web.Features.Consents;
using Npgsql;
using static Nastavnik.IntegrationTests.Consents.ConsentTestData;

namespace Nastavnik.IntegrationTests.Consents;

/// <summary>
/// The proof that destruction leaves no copy: a marker planted in every personal and free-text field of a child and of
/// their mother, and in every place those fields get copied to, is found nowhere in a pg_dump of the whole database
/// after withdrawal (by the CLI, the same code as the page) and the destruction pass. Uploads live in the database
/// (UploadStore), so the dump covers them too.
/// </summary>
[Collection(Collections.Pairs)]
public class DestructionProofTests(AppFixture app)
{
    private async Task<int> ExecAsync(NpgsqlConnection connection, string sql, params (string Name, object Value)[] parameters)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var (name, value) in parameters) command.Parameters.AddWithValue(name, value);
        return await command.ExecuteNonQueryAsync();
    }

    private static async Task<long> IdAsync(NpgsqlConnection connection, string sql, params (string Name, object Value)[] parameters)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var (name, value) in parameters) command.Parameters.AddWithValue(name, value);
        return Convert.ToInt64(await command.ExecuteScalarAsync());
    }

    [Fact]
    public async Task WithdrawAndDestroy_MarkerEverywhere_DumpHasNoMarker()
    {
        var marker = "Zq" + Guid.NewGuid().ToString("N")[..8];
        var tree = await app.CreateTreeAsync();
        var (pupil, mother, _) = await PupilWithParentAsync(app, tree, 12);
        await using var c = new NpgsqlConnection(app.ConnectionString);
        await c.OpenAsync();
        var m = ("m", (object)marker);
        var ids = ("r", (object)tree.RegionId);
        var org = ("o", (object)tree.OrganizationId);

        // The people themselves: every personal field holds the marker.
        await ExecAsync(c, """
            update people set last_name = @m || 'Фамилия', first_name = @m || 'Имя', middle_name = @m || 'Отчество', phone = '+7 999 ' || @m,
                email = lower(@m) || '@example.org', class_name = @m, position = @m, subjects = @m, college = @m
            where id in (@p, @mo)
            """, m, ("p", pupil), ("mo", mother));
        await ExecAsync(c, "update legal_representatives set document = 'Паспорт ' || @m where child_id = @p", m, ("p", pupil));
        await ExecAsync(c, "insert into person_changes (person_id, field, old_value, new_value) values (@p, 'LastName', @m, @m)", m, ("p", pupil));
        await ExecAsync(c, """
            insert into consents (person_id, region_id, organization_id, purpose, signer, representative_id, authority, given_on, form_version,
                document_number, distribution_scope, scan_file_name, scan_content)
            values (@p, @r, @o, 'processing', 'representative', @mo, 'parent', current_date - 60, '2026-1', @m, @m, @m || '.pdf', convert_to(@m, 'UTF8'))
            """, m, ids, org, ("p", pupil), ("mo", mother));

        // Accounts of the child and the mother (participant logins), their notifications and e-mails.
        var pupilUser = await IdAsync(c, """
            insert into users (full_name, user_name, normalized_user_name, email, normalized_email, person_id)
            values (@m || ' ученик', lower(@m) || '.pupil', upper(@m) || '.PUPIL', lower(@m) || '@example.org', upper(@m) || '@EXAMPLE.ORG', @p) returning id
            """, m, ("p", pupil));
        var motherUser = await IdAsync(c, """
            insert into users (full_name, user_name, normalized_user_name, person_id)
            values (@m || ' мама', lower(@m) || '.mother', upper(@m) || '.MOTHER', @mo) returning id
            """, m, ("mo", mother));
        var staffUser = await IdAsync(c, """
            insert into users (full_name, user_name, normalized_user_name) values ('Куратор', @u, upper(@u)) returning id
            """, ("u", AppFixture.Unique("curator").Replace(' ', '.')));

        // A mentor, a programme, profiles, a pair and everything the pair's work copies the name into.
        var mentor = await IdAsync(c, "insert into people (region_id, organization_id, kind, last_name, first_name) values (@r, @o, 'teacher', 'Наставникова', 'Ольга') returning id", ids, org);
        var program = await IdAsync(c, "insert into programs (region_id, organization_id, name, family, period_start, period_end) values (@r, @o, 'Программа', 'learners', current_date - 100, current_date + 200) returning id", ids, org);
        var menteeProfile = await IdAsync(c, """
            insert into mentee_profiles (person_id, region_id, organization_id, program_id, source, entry_date, request_text, results, case_link, availability)
            values (@p, @r, @o, @pr, 'parents', current_date - 90, @m, @m, @m, @m) returning id
            """, m, ids, org, ("p", pupil), ("pr", program));
        var mentorProfile = await IdAsync(c, "insert into mentor_profiles (person_id, region_id, organization_id, program_id) values (@p, @r, @o, @pr) returning id",
            ids, org, ("p", mentor), ("pr", program));
        var group = await IdAsync(c, """
            insert into mentoring_groups (region_id, organization_id, program_id, form, start_date, closure_comment, reflection, results, pause_reason)
            values (@r, @o, @pr, 'ученик — ученик', current_date - 80, @m, @m, @m, @m) returning id
            """, m, ids, org, ("pr", program));
        await ExecAsync(c, """
            insert into group_members (group_id, person_id, role, mentor_profile_id, mentee_profile_id, joined_on) values
                (@g, @mentor, 'mentor', @mp, null, current_date - 80), (@g, @p, 'mentee', null, @ep, current_date - 80)
            """, ("g", group), ("mentor", mentor), ("mp", mentorProfile), ("p", pupil), ("ep", menteeProfile));
        await ExecAsync(c, """
            insert into meetings (group_id, region_id, organization_id, type, held_on, duration_minutes, format, place, topic, result, next_step, skip_reason)
            values (@g, @r, @o, 'regular', current_date - 10, 45, 'in_person', @m, @m, @m, @m, @m)
            """, m, ids, org, ("g", group));
        await ExecAsync(c, """
            insert into feedback (group_id, person_id, region_id, organization_id, role, usefulness, comfort, went_well, obstacles) values
                (@g, @p, @r, @o, 'mentee', 8, 8, @m, @m), (@g, @mentor, @r, @o, 'mentor', 8, 8, 'С ' || @m || 'Имя хорошо', @m)
            """, m, ids, org, ("g", group), ("p", pupil), ("mentor", mentor));
        await ExecAsync(c, """
            insert into contact_logs (group_id, region_id, organization_id, contacted_on, channel, with_role, person_id, nature, note)
            values (@g, @r, @o, current_date - 5, 'call', 'representative', @mo, 'support', @m)
            """, m, ids, org, ("g", group), ("mo", mother));
        await ExecAsync(c, "insert into problem_reports (group_id, region_id, organization_id, person_id, text) values (@g, @r, @o, @p, @m)",
            m, ids, org, ("g", group), ("p", pupil));
        var goal = await IdAsync(c, "insert into plan_goals (group_id, position, goal, measure) values (@g, 1, @m, @m) returning id", m, ("g", group));
        await ExecAsync(c, "insert into plan_tasks (goal_id, position, text) values (@goal, 1, @m)", m, ("goal", goal));
        await ExecAsync(c, "insert into recognitions (person_id, region_id, organization_id, kind, granted_on, order_number, text) values (@p, @r, @o, 'gratitude', current_date, 'П-1', @m)",
            m, ids, org, ("p", pupil));
        var textItem = await IdAsync(c, "select id from instrument_items where kind = 'text' order by id limit 1");
        var response = await IdAsync(c, """
            insert into responses (person_id, region_id, organization_id, instrument_id) select @p, @r, @o, instrument_id from instrument_items where id = @i returning id
            """, ids, org, ("p", pupil), ("i", textItem));
        await ExecAsync(c, "insert into response_answers (response_id, item_id, value) values (@resp, @i, @m)", m, ("resp", response), ("i", textItem));
        // The watch store copies the names (the watch list and its .xlsx read it).
        await ExecAsync(c, "select watch_refresh(array[@g]::bigint[], null, current_date)", ("g", group));

        // Reminders and e-mails: to the child and the mother, and to the curator about them.
        await ExecAsync(c, """
            insert into notifications (user_id, text, link, dedup_key) values
                (@pu, 'Встреча ' || @m, '/Pairs/' || @m, 'k:' || @m), (@st, 'Нет встреч у пары: ' || @m || 'Фамилия ' || @m || 'Имя', '', '')
            """, m, ("pu", pupilUser), ("st", staffUser));
        await ExecAsync(c, """
            insert into email_outbox (to_address, subject, body, sent_at) values
                (lower(@m) || '@example.org', 'Напоминание ' || @m, 'Здравствуйте, ' || @m || 'Имя', now()),
                (lower(@m) || '@example.org', 'Напоминание ' || @m, 'Здравствуйте, ' || @m || 'Имя', null),
                ('curator@example.org', 'Пара ' || @m || 'Фамилия', 'Наставляемый: ' || @m || 'Фамилия ' || @m || 'Имя ' || @m || 'Отчество', null)
            """, m, ("pu", pupilUser));
        // The class list imported (import preview kept by UploadStore) and a code slip's account code.
        var csv = Encoding.UTF8.GetBytes($"Фамилия;Имя;Класс\n{marker}Фамилия;{marker}Имя;7Б\n");
        await ExecAsync(c, "insert into uploads (user_id, kind, file_name, content) values (@st, 'people', 'класс.csv', @content)",
            ("st", staffUser), ("content", csv));
        await ExecAsync(c, "insert into access_codes (user_id, code_hash, expires_at) values (@pu, @m, now() + interval '1 day')", m, ("pu", pupilUser));
        // Files and scans are dumped as hex.
        var hex = Convert.ToHexString(Encoding.UTF8.GetBytes(marker)).ToLowerInvariant();
        var before = await DumpAsync();
        Assert.Contains(marker, before);
        Assert.Contains(hex, before);

        var withdraw = await CliRunner.RunAsync(app, "consents", "withdraw", "--person", pupil.ToString(), "--date", Today.ToString("yyyy-MM-dd"));
        Assert.True(withdraw.Code == 0, withdraw.Error);
        Assert.Contains("заблокированы", withdraw.Out);
        var service = new DestructionService(app.Factory.Services.GetRequiredService<IServiceScopeFactory>(),
            Options.Create(new DestructionService.Settings { DestroyAfterDays = 0 }), TimeProvider.System, NullLogger<DestructionService>.Instance);
        var result = await service.RunAsync(DateTimeOffset.UtcNow.AddMinutes(1));
        Assert.True(result.ActIds.Count >= 2);

        var dump = await DumpAsync();
        var hits = Regex.Matches(dump, $".{{0,120}}{marker}.{{0,40}}").Select(x => x.Value).Take(10).ToList();
        Assert.True(hits.Count == 0, "The marker is still in the database:\n" + string.Join("\n", hits));
        Assert.DoesNotContain(marker.ToLowerInvariant(), dump);
        Assert.DoesNotContain(marker.ToUpperInvariant(), dump);
        Assert.DoesNotContain(hex, dump);
        // The act counts categories, never names.
        Assert.Equal(0L, await IdAsync(c, "select count(*) from destruction_acts where person_id = @p and fields !~ ' — [0-9]+'", ("p", pupil)));
        Assert.Equal(1L, await IdAsync(c, "select count(*) from users where id = @u and not is_active and user_name = 'destroyed-' || id", ("u", motherUser)));
    }

    /// <summary>The whole test database as SQL text.</summary>
    private async Task<string> DumpAsync()
    {
        // The owner dumps everything, the audit log included (the application role may not read the re-import salt).
        var cs = new NpgsqlConnectionStringBuilder(app.OwnerConnectionString);
        // The cluster's bin directory may hold only the server tools (a wrapper on PATH): then the Debian package's.
        var pgDump = new[] { LocalCluster.FindBinDirectory() }
            .Concat(Directory.Exists("/usr/lib/postgresql") ? Directory.GetDirectories("/usr/lib/postgresql").OrderDescending().Select(d => Path.Combine(d, "bin")) : [])
            .Where(d => d is not null).Select(d => Path.Combine(d!, "pg_dump")).FirstOrDefault(File.Exists)
            ?? throw new InvalidOperationException("pg_dump not found");
        var start = new ProcessStartInfo(pgDump)
        {
            RedirectStandardOutput = true, RedirectStandardError = true, StandardOutputEncoding = Encoding.UTF8, UseShellExecute = false,
        };
        foreach (var arg in new[] { "-h", cs.Host!, "-p", cs.Port.ToString(), "-U", cs.Username!, "-d", cs.Database!, "--data-only" })
        {
            start.ArgumentList.Add(arg);
        }
        start.Environment["PGPASSWORD"] = cs.Password ?? "";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, await error);
        return await output;
    }
}
