-- A version of the published content, raised by every statement that changes it and announced with NOTIFY,
-- so that every instance can drop its read cache the moment another instance commits a write.
create table content_version (
    id      boolean primary key default true check (id),
    version bigint not null
);
insert into content_version (version) values (1);

create function content_changed() returns trigger
    language plpgsql as
$$
begin
    update content_version set version = version + 1;
    perform pg_notify('twinning_content', '');
    return null;
end
$$;

create trigger cities_changed after insert or update or delete or truncate on cities
    for each statement execute function content_changed();
create trigger agreements_changed after insert or update or delete or truncate on agreements
    for each statement execute function content_changed();
create trigger signatories_changed after insert or update or delete or truncate on signatories
    for each statement execute function content_changed();
create trigger agreement_signatories_changed after insert or update or delete or truncate on agreement_signatories
    for each statement execute function content_changed();
create trigger countries_changed after insert or update or delete or truncate on countries
    for each statement execute function content_changed();
