-- Multilingual content. The default locale's text stays in each table's own columns; every other locale's
-- text is a JSON object per row, {"ko": {"name": "웨이하이"}, ...}, read with the row at no extra cost.
alter table cities
    add column translations jsonb not null default '{}' check (jsonb_typeof(translations) = 'object'),
    -- Other names and spellings of the city ("Weihei"), found by `q`.
    add column aliases jsonb not null default '[]' check (jsonb_typeof(aliases) = 'array' and jsonb_array_length(aliases) <= 20);
alter table signatories
    add column translations jsonb not null default '{}' check (jsonb_typeof(translations) = 'object');
alter table pages
    add column translations jsonb not null default '{}' check (jsonb_typeof(translations) = 'object');

-- `q` now searches the names in every locale and the aliases too, so the folded text grows; a trigram index
-- serves its substring matches (pg_trgm is a trusted extension: the database owner may create it).
alter table cities alter column search_text type text;
create extension if not exists pg_trgm;
-- The extension may live in another schema than the app's (several apps on one database): name its
-- operator class through the extension's own schema.
do $$
begin
    execute format('create index cities_search_text_trgm_idx on cities using gin (search_text %I.gin_trgm_ops)',
                   (select nspname from pg_namespace join pg_extension on extnamespace = pg_namespace.oid
                    where extname = 'pg_trgm'));
end
$$;

-- The seed's misspellings of two partner cities become their aliases (new installs get them from the seed).
update cities set aliases = '["Weihei", "Weilhel"]', search_text = search_text || E'\nweihei\nweilhel'
    where slug = 'weihai' and aliases = '[]';
update cities set aliases = '["Ho Chi Minh"]', search_text = search_text || E'\nho chi minh'
    where slug = 'ho-chi-minh-city' and aliases = '[]';

-- Lists sort names with the ICU collation of the requested language; this index serves the default
-- locale's (English) order. Servers built without ICU sort by their default collation instead.
do $$
begin
    if exists (select 1 from pg_collation where collname = 'en-x-icu') then
        create index cities_name_en_icu_idx on cities ((name collate "en-x-icu"));
    end if;
end
$$;
