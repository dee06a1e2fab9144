-- 1. Special categories (ст. 10 152-ФЗ: ОВЗ, инвалидность, сиротство, ТЖС) need their own consent purpose.
alter table consents drop constraint consents_purpose_check;
alter table consents add constraint consents_purpose_check
    check (purpose in ('processing', 'distribution', 'extra_duties', 'special_categories'));

-- 2. A destroyed person keeps only a salted hash of the normalized ФИО + birth date, so that re-importing the class
-- list cannot silently re-create them. The hash is not personal data in clear: the salt is a random secret of this
-- database that only the owner reads (the functions below run as the owner), and the hash is never shown.
create table reimport_salt (salt text not null);
insert into reimport_salt (salt) select md5(random()::text || clock_timestamp()::text) || md5(random()::text);
revoke all on reimport_salt from public;
-- Migration 21 grants the application role every future table by default; the salt is for the owner's function only.
revoke all on reimport_salt from nastavnik_app;

alter table people add column reimport_key text null;
create index people_reimport_key_idx on people (organization_id, reimport_key) where reimport_key is not null;

-- Case, ё/е and spaces do not matter; translate() instead of lower() alone, so a database with the C locale agrees.
create function reimport_normalize(t text) returns text language sql immutable as $$
    select lower(translate(regexp_replace(btrim(coalesce(t, '')), '\s+', ' ', 'g'),
        'АБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯё', 'абвгдеежзийклмнопрстуфхцчшщъыьэюяе'))
$$;

create function person_reimport_key(last_name text, first_name text, middle_name text, birth_date date) returns text
    language sql stable security definer set search_path = public as $$
    select encode(sha256(convert_to((select salt from reimport_salt limit 1)
        || '|' || reimport_normalize(last_name) || '|' || reimport_normalize(first_name) || '|' || reimport_normalize(middle_name)
        || '|' || coalesce(to_char(birth_date, 'YYYY-MM-DD'), ''), 'UTF8')), 'hex')
$$;

-- Filled from the names as they were just before the destruction erased them, whoever performs it.
create function people_reimport_key_on_destroy() returns trigger language plpgsql as $$
begin
    if new.status = 'destroyed' and old.status <> 'destroyed' and new.reimport_key is null then
        new.reimport_key := person_reimport_key(old.last_name, old.first_name, old.middle_name, old.birth_date);
    end if;
    return new;
end
$$;
create trigger people_reimport_key_on_destroy before update of status on people
    for each row execute function people_reimport_key_on_destroy();
