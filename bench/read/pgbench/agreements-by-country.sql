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
-- GET /api/v1/agreements?country=XX (AgreementService.list, default size 20): the page of agreements with both
-- cities, the signatories of those agreements, the images of every city in the page, then the total when the
-- page is full.
\set i random(1, @N@)
\set off 0
\set lim 20
select a1_0.id,a1_0.created_at,a1_0.created_by,a1_0.established_on,a1_0.home_city_id,hc1_0.id,hc1_0.aliases,hc1_0.area_km2,hc1_0.average_temperature_c,hc1_0.country_code,hc1_0.created_at,hc1_0.created_by,hc1_0.description,hc1_0.latitude,hc1_0.location,hc1_0.longitude,hc1_0.name,hc1_0.native_name,hc1_0.population,hc1_0.population_year,hc1_0.deleted_at,hc1_0.deleted_by,hc1_0.publish_at,hc1_0.published_at,hc1_0.published_version,hc1_0.unpublish_at,hc1_0.region,hc1_0.regional_features,hc1_0.search_text,hc1_0.slug,hc1_0.translations,hc1_0.updated_at,hc1_0.updated_by,hc1_0.version,hc1_0.website,a1_0.notes,a1_0.partner_city_id,pc1_0.id,pc1_0.aliases,pc1_0.area_km2,pc1_0.average_temperature_c,pc1_0.country_code,pc1_0.created_at,pc1_0.created_by,pc1_0.description,pc1_0.latitude,pc1_0.location,pc1_0.longitude,pc1_0.name,pc1_0.native_name,pc1_0.population,pc1_0.population_year,pc1_0.deleted_at,pc1_0.deleted_by,pc1_0.publish_at,pc1_0.published_at,pc1_0.published_version,pc1_0.unpublish_at,pc1_0.region,pc1_0.regional_features,pc1_0.search_text,pc1_0.slug,pc1_0.translations,pc1_0.updated_at,pc1_0.updated_by,pc1_0.version,pc1_0.website,a1_0.partner_country,a1_0.deleted_at,a1_0.deleted_by,a1_0.publish_at,a1_0.published_at,a1_0.published_version,a1_0.unpublish_at,a1_0.status,a1_0.type,a1_0.updated_at,a1_0.updated_by,a1_0.version from agreements a1_0 join cities hc1_0 on hc1_0.id=a1_0.home_city_id and (hc1_0.deleted_at is null) join cities pc1_0 on pc1_0.id=a1_0.partner_city_id and (pc1_0.deleted_at is null) where (a1_0.deleted_at is null) and a1_0.partner_country=(@KEYS@::varchar[])[:i] order by a1_0.established_on,a1_0.id offset :off rows fetch first :lim rows only;
select s1_0.agreement_id,s1_0.position,s1_1.id,s1_1.city_id,s1_1.created_at,s1_1.created_by,s1_1.name,s1_1.native_name,s1_1.deleted_at,s1_1.deleted_by,s1_1.publish_at,s1_1.published_at,s1_1.published_version,s1_1.unpublish_at,s1_1.title,s1_1.translations,s1_1.updated_at,s1_1.updated_by,s1_1.version from agreement_signatories s1_0 join signatories s1_1 on s1_1.id=s1_0.signatory_id where s1_0.agreement_id = any((@IDS@::text[])[:i]::bigint[]) and ( s1_1.deleted_at is null);
select i1_0.city_id,i1_0.position,i1_0.media_id,m1_0.id,m1_0.alt,m1_0.bytes,m1_0.caption,m1_0.content_type,m1_0.created_at,m1_0.created_by,m1_0.credit,m1_0.height,m1_0.sha256,m1_0.translations,m1_0.updated_at,m1_0.updated_by,m1_0.version,m1_0.width,i1_0.role from city_images i1_0 left join media m1_0 on m1_0.id=i1_0.media_id where i1_0.city_id = any((@CITY_IDS@::text[])[:i]::bigint[]);
\if :i <= @COUNTED@
select count(*) from agreements a1_0 where (a1_0.deleted_at is null) and a1_0.partner_country=(@KEYS@::varchar[])[:i];
\endif
