-- 1. The application's role. The site connects as nastavnik_app (or as a login that is a member of it); migrations
--    run as the schema owner. Created here without login when absent, so that the grants below work on any server:
--    the local cluster gives it login and a password; on a DBA-managed server the DBA creates it beforehand (then
--    the owner needs no CREATEROLE) or grants it to the application's login (`grant nastavnik_app to site_login`).
do $$
begin
    if not exists (select from pg_roles where rolname = 'nastavnik_app') then
        create role nastavnik_app nologin;
    end if;
end $$;

grant usage on schema public to nastavnik_app;
grant select, insert, update, delete on all tables in schema public to nastavnik_app;
grant usage, select, update on all sequences in schema public to nastavnik_app;
-- Tables and sequences that later migrations create (as this same owner) get the same grants.
alter default privileges in schema public grant select, insert, update, delete on tables to nastavnik_app;
alter default privileges in schema public grant usage, select, update on sequences to nastavnik_app;

-- 2. Append-only by privilege, not only by trigger: the application may add and read audit rows, nothing else.
revoke update, delete, truncate on audit_entries from nastavnik_app;
-- The migration history is the owner's.
revoke insert, update, delete, truncate on schema_migrations from nastavnik_app;

-- 3. The audit log keeps ids and actions, never names or typed text. Rows written before: the acting user is their
--    user_id (the login copy goes); an actor without account keeps only its kind ("system", "cli"); typed logins of
--    failed sign-ins become the hash AuditActor.LoginHash computes (sha256 of the trimmed lower-case login, 16 hex);
--    uploaded and generated file names that carry names are dropped. The owner lifts the append-only trigger for
--    this one rewrite, inside this migration's transaction.
alter table audit_entries disable trigger audit_entries_no_update;

update audit_entries set user_name = case
        when user_id is null and user_name like 'cli%' then 'cli'
        when user_id is null and user_name = 'system' then 'system'
        else '' end
where user_name not in ('', 'system', 'cli');

update audit_entries
set details = regexp_replace(details, 'логин «(.*)»$',
        'логин sha256:' || left(encode(sha256(convert_to(lower(btrim(substring(details from 'логин «(.*)»$'))), 'UTF8')), 'hex'), 16))
where action = 'sign_in_failed' and entity_id = '' and details ~ 'логин «.*»$';

update audit_entries set details = 'вход по коду'
where action = 'sign_in_failed' and entity_id <> '' and details ~ '^вход по коду, логин «.*»$';

update audit_entries set details = regexp_replace(details, '^файл «.*»: ', '')
where action = 'import' and details ~ '^файл «.*»: ';

update audit_entries set details = 'бланк согласия'
where action = 'export' and details like 'бланк согласия: %';

update audit_entries set details = regexp_replace(details, ', файл kod-vhoda-.*$', '')
where action = 'export' and details ~ ', файл kod-vhoda-';

update audit_entries set details = regexp_replace(details, 'пользователь «[^»]*»', 'по пользователю')
where entity_type = 'AuditEntry' and details ~ 'пользователь «';

alter table audit_entries enable trigger audit_entries_no_update;
