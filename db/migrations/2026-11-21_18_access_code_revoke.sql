-- A curator re-issues or revokes a pupil's one-time code: a revoked code can no longer be used and is shown as «отозван».
alter table access_codes add column revoked_at timestamptz null;

-- The sign-in by code looks only at codes still usable.
drop index access_codes_user_idx;
create index access_codes_user_idx on access_codes (user_id) where used_at is null and revoked_at is null;
