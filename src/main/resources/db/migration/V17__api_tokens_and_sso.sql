-- Staff signed in through the city's identity provider (single sign-on) are recorded on first sight, without a
-- password; password logins are only for local accounts.
alter table users add column source varchar(10) not null default 'LOCAL' check (source in ('LOCAL', 'SSO'));
alter table users alter column password_hash drop not null;
alter table users add constraint users_password_of_local check ((source = 'LOCAL') = (password_hash is not null));

-- API tokens for scripts. Only the SHA-256 of the secret is kept; `prefix` is the start of the token, shown in
-- lists so that its owner can tell tokens apart. Deleting a user deletes their tokens.
create table api_tokens (
    id           bigint generated always as identity primary key,
    user_id      bigint not null references users (id) on delete cascade,
    name         varchar(100) not null,
    prefix       varchar(16) not null,
    secret_hash  bytea not null unique,
    scopes       varchar(20)[] not null check (cardinality(scopes) > 0),
    created_at   timestamptz not null default now(),
    expires_at   timestamptz not null,
    last_used_at timestamptz
);
create index api_tokens_user_idx on api_tokens (user_id, id);
