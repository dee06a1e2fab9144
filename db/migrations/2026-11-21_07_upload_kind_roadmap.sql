-- A roadmap document waits in uploads between its preview and its saving, like an organizations list.
alter table uploads drop constraint uploads_kind_check;
alter table uploads add constraint uploads_kind_check check (kind in ('organizations', 'roadmap'));
