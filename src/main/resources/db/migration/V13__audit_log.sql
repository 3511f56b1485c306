-- The audit log: who changed what and when, one row per change, written in the transaction of the change
-- (AuditLog.record), so that a change and its entry commit or roll back together. `collection` is the API's
-- path segment (cities, users, ...), null for changes of the whole dataset (IMPORT); `username` is 'system'
-- for work without a logged-in user (start-up, scheduled jobs).
create table audit_log (
    id          bigint generated always as identity primary key,
    at          timestamptz not null default clock_timestamp(),
    username    varchar(100) not null,
    action      varchar(40) not null,
    collection  varchar(40),
    record_id   bigint,
    revision    integer,
    request_id  varchar(100)
);

-- GET /api/v1/audit lists newest first, optionally filtered by user, collection or action.
create index audit_log_at_idx on audit_log (at desc, id desc);
create index audit_log_username_at_idx on audit_log (lower(username), at desc, id desc);
create index audit_log_collection_at_idx on audit_log (collection, at desc, id desc);
create index audit_log_action_at_idx on audit_log (action, at desc, id desc);
-- The history of one record.
create index audit_log_record_idx on audit_log (collection, record_id) where record_id is not null;

-- Append-only, whoever connects: rows can be added, never changed or removed. The README ("Audit log") says
-- what a table owner could still do, and how to run the application without that power.
create function audit_log_append_only() returns trigger
    language plpgsql as
$$
begin
    raise exception 'audit_log is append-only: % is not allowed', tg_op
        using hint = 'Audit entries can be added, never changed or removed';
end
$$;

create trigger audit_log_no_update_or_delete before update or delete on audit_log
    for each row execute function audit_log_append_only();
create trigger audit_log_no_truncate before truncate on audit_log
    for each statement execute function audit_log_append_only();
