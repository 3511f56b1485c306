-- Failed staff logins, counted per user and per client address to throttle password guessing across all
-- instances. Rows older than the throttle window are purged.
create table login_failures (
    subject   varchar(120) not null,
    failed_at timestamptz not null default clock_timestamp()
);
create index login_failures_subject_idx on login_failures (subject, failed_at desc);
create index login_failures_failed_at_idx on login_failures (failed_at);
