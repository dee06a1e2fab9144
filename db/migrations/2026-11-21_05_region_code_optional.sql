-- The subject code stays unique and two-digit, but a region may be recorded before its code is known (bulk loads,
-- tests that create many regions: there are only 100 two-digit codes). The region form still requires it.
alter table regions alter column code drop not null;
