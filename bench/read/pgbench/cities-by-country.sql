-- The statements the packaged app runs for one request, copied verbatim from its log (QUARKUS_HIBERNATE_ORM_LOG_SQL=true,
-- QUARKUS_HIBERNATE_ORM_LOG_FORMAT_SQL=false). Hibernate binds its values as parameters; here they are pgbench
-- variables (prepared statements with -M prepared, like the JDBC driver after its fifth execution), and the
-- country, slug or ids come from the same list that wrk draws its URLs from: read-benchmark.sh fills in @N@ (list
-- length), @KEYS@ (the countries or slugs), @IDS@ (per entry, the agreement ids whose signatories the batch
-- loader then fetches) and @CITY_IDS@ (per entry, the cities whose images it fetches). The batch loaders bind one
-- key as "= ?" and several as "= any (?)"; PostgreSQL answers both with one index lookup per key, so the script
-- always uses the array. A list whose first page is not full is counted by the app without a statement of its
-- own; such entries come last in the list, after the @COUNTED@ entries whose total the app counts with a second
-- statement (the \if below).
-- GET /api/v1/cities?country=XX&size=20 (CityService.list): the page of cities, the images of the page's cities (with
-- their media), then the total when the page is full (Paged counts after the page is mapped).
\set i random(1, @N@)
\set off 0
\set lim 20
select c1_0.id,c1_0.aliases,c1_0.area_km2,c1_0.average_temperature_c,c1_0.country_code,c1_0.created_at,c1_0.created_by,c1_0.description,c1_0.latitude,c1_0.location,c1_0.longitude,c1_0.name,c1_0.native_name,c1_0.population,c1_0.population_year,c1_0.deleted_at,c1_0.deleted_by,c1_0.publish_at,c1_0.published_at,c1_0.published_version,c1_0.unpublish_at,c1_0.region,c1_0.regional_features,c1_0.search_text,c1_0.slug,c1_0.translations,c1_0.updated_at,c1_0.updated_by,c1_0.version,c1_0.website from cities c1_0 where (c1_0.deleted_at is null) and c1_0.country_code=(@KEYS@::varchar[])[:i] order by (c1_0.name collate "en-x-icu"),c1_0.id offset :off rows fetch first :lim rows only;
select i1_0.city_id,i1_0.position,i1_0.media_id,m1_0.id,m1_0.alt,m1_0.bytes,m1_0.caption,m1_0.content_type,m1_0.created_at,m1_0.created_by,m1_0.credit,m1_0.height,m1_0.sha256,m1_0.translations,m1_0.updated_at,m1_0.updated_by,m1_0.version,m1_0.width,i1_0.role from city_images i1_0 left join media m1_0 on m1_0.id=i1_0.media_id where i1_0.city_id = any((@CITY_IDS@::text[])[:i]::bigint[]);
\if :i <= @COUNTED@
select count(*) from cities c1_0 where (c1_0.deleted_at is null) and c1_0.country_code=(@KEYS@::varchar[])[:i];
\endif
