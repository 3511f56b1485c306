-- Editorial workflow. The tables the public reads (cities, agreements, signatories, pages and the tables that
-- hang off them) now hold the PUBLISHED versions only. Editors' working copies live in identical tables in the
-- schema named after the app's own with `_working` appended (public_working); staff transactions put that
-- schema first on their search path, so the same queries read
-- and write the working copies, and public reads cannot see a draft whatever they ask. Publishing copies a
-- record's rows from the working schema into the public tables in the publishing transaction.

-- When the live version was published (null in a working copy never published), the working copy's version
-- at that moment, pending schedules, and the trash.
do $$
declare
    content text;
begin
    foreach content in array array['cities', 'agreements', 'signatories', 'pages'] loop
        execute format('alter table %I add column published_at timestamptz, add column published_version bigint,'
                       ' add column publish_at timestamptz, add column unpublish_at timestamptz,'
                       ' add column deleted_at timestamptz, add column deleted_by varchar(100)', content);
        -- Everything already there was public: it becomes published, as of its last change.
        execute format('update %I set published_at = updated_at, published_version = version', content);
    end loop;
end
$$;

create schema ${flyway:defaultSchema}_working;

-- Same columns, checks, defaults and indexes, and the same rows; identity columns get their own sequences,
-- set past the ids in use.
do $$
declare
    content text;
begin
    foreach content in array array['cities', 'agreements', 'signatories', 'pages', 'agreement_signatories',
                                   'page_agreements', 'city_images', 'page_images'] loop
        execute format('create table %I.%I (like %I including all)', '${flyway:defaultSchema}_working', content, content);
        execute format('insert into %I.%I select * from %I', '${flyway:defaultSchema}_working', content, content);
    end loop;
    foreach content in array array['cities', 'agreements', 'signatories', 'pages'] loop
        execute format('select setval(pg_get_serial_sequence(%L, %L), coalesce((select max(id) from %I), 0) + 1, false)',
                       format('%I.%I', '${flyway:defaultSchema}_working', content), 'id', content);
        -- Ids come from the working copies' sequence only: a published row keeps its record's id, and a row
        -- written straight into a published table (bench/read/scale.sql) can never take a working copy's id.
        execute format('alter table %I alter column id drop identity', content);
        execute format('alter table %I alter column id set default nextval(%L)', content,
                       pg_get_serial_sequence(format('%I.%I', '${flyway:defaultSchema}_working', content), 'id'));
    end loop;
end
$$;

-- A trashed record keeps its slug or key, but another record may take it (restoring it is then refused).
alter table ${flyway:defaultSchema}_working.cities drop constraint cities_slug_key;
create unique index cities_slug_key on ${flyway:defaultSchema}_working.cities (slug) where deleted_at is null;
alter table ${flyway:defaultSchema}_working.pages drop constraint pages_key_key;
create unique index pages_key_key on ${flyway:defaultSchema}_working.pages (key) where deleted_at is null;
alter table ${flyway:defaultSchema}_working.agreements drop constraint agreements_home_city_id_partner_city_id_type_key;
create unique index agreements_home_city_id_partner_city_id_type_key
    on ${flyway:defaultSchema}_working.agreements (home_city_id, partner_city_id, type) where deleted_at is null;
-- The trash lists by deletion time; schedules are found by their time.
do $$
declare
    content text;
begin
    foreach content in array array['cities', 'agreements', 'signatories', 'pages'] loop
        execute format('create index %I on ${flyway:defaultSchema}_working.%I (deleted_at) where deleted_at is not null',
                       content || '_deleted_at_idx', content);
        execute format('create index %I on ${flyway:defaultSchema}_working.%I (least(publish_at, unpublish_at))'
                       ' where publish_at is not null or unpublish_at is not null', content || '_schedule_idx', content);
    end loop;
end
$$;

-- References between working copies, as between the published ones.
alter table ${flyway:defaultSchema}_working.cities add foreign key (country_code) references countries (code);
alter table ${flyway:defaultSchema}_working.agreements
    add foreign key (home_city_id) references ${flyway:defaultSchema}_working.cities (id),
    add foreign key (partner_city_id) references ${flyway:defaultSchema}_working.cities (id);
alter table ${flyway:defaultSchema}_working.signatories add foreign key (city_id) references ${flyway:defaultSchema}_working.cities (id);
alter table ${flyway:defaultSchema}_working.agreement_signatories
    add foreign key (agreement_id) references ${flyway:defaultSchema}_working.agreements (id) on delete cascade,
    add foreign key (signatory_id) references ${flyway:defaultSchema}_working.signatories (id);
alter table ${flyway:defaultSchema}_working.page_agreements
    add foreign key (page_id) references ${flyway:defaultSchema}_working.pages (id) on delete cascade,
    add foreign key (agreement_id) references ${flyway:defaultSchema}_working.agreements (id) on delete cascade;
alter table ${flyway:defaultSchema}_working.city_images
    add foreign key (city_id) references ${flyway:defaultSchema}_working.cities (id) on delete cascade,
    add foreign key (media_id) references media (id);
alter table ${flyway:defaultSchema}_working.page_images
    add foreign key (page_id) references ${flyway:defaultSchema}_working.pages (id) on delete cascade,
    add foreign key (media_id) references media (id);

-- A published page may present an agreement that is not published (any more): readers see the page without
-- it, and it reappears when the agreement is published again.
alter table page_agreements drop constraint page_agreements_agreement_id_fkey;

-- Votes belong to the page, not to its published version: unpublishing a page keeps them; purging it drops them.
alter table survey_votes drop constraint survey_votes_page_id_fkey,
    add foreign key (page_id) references ${flyway:defaultSchema}_working.pages (id) on delete cascade;
alter table survey_daily_counts drop constraint survey_daily_counts_page_id_fkey,
    add foreign key (page_id) references ${flyway:defaultSchema}_working.pages (id) on delete cascade;
alter table survey_visitor_days drop constraint survey_visitor_days_page_id_fkey,
    add foreign key (page_id) references ${flyway:defaultSchema}_working.pages (id) on delete cascade;
alter table survey_totals drop constraint survey_totals_page_id_fkey,
    add foreign key (page_id) references ${flyway:defaultSchema}_working.pages (id) on delete cascade;

-- The partner's country is copied onto agreements by triggers (V10); the functions name their tables without
-- a schema, so in a staff transaction they work on the working copies.
create trigger agreements_partner_country
    before insert or update of partner_city_id on ${flyway:defaultSchema}_working.agreements
    for each row
execute function agreements_copy_partner_country();
create trigger cities_country_to_agreements
    after update of country_code on ${flyway:defaultSchema}_working.cities
    for each row
    when (old.country_code is distinct from new.country_code)
execute function cities_copy_country_to_agreements();

-- Every change of every record, with its full content (the working copy after the change, translations
-- included) so that any revision can be shown, compared and restored. Records that predate this migration
-- start their history at their next change.
create table revisions (
    collection varchar(20) not null,
    record_id  bigint not null,
    revision   integer not null check (revision > 0),
    action     varchar(20) not null
               check (action in ('CREATE', 'UPDATE', 'TRANSLATE', 'PUBLISH', 'UNPUBLISH', 'RESTORE', 'DELETE', 'UNDELETE')),
    at         timestamptz not null default clock_timestamp(),
    username   varchar(100) not null,
    content    jsonb not null,
    primary key (collection, record_id, revision)
);

