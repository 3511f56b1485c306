-- The statements the packaged app runs for one request, copied verbatim from its log (QUARKUS_HIBERNATE_ORM_LOG_SQL=true,
-- QUARKUS_HIBERNATE_ORM_LOG_FORMAT_SQL=false). Hibernate binds its values as parameters; here they are pgbench
-- variables (prepared statements with -M prepared, like the JDBC driver after its fifth execution), and the
-- country, slug or agreement ids come from the same list that wrk draws its URLs from: read-benchmark.sh
-- fills in @N@ (list length), @KEYS@ (the countries or slugs) and @IDS@ (per entry, the agreement ids that the
-- previous statement returns in the app, which Hibernate then binds into its "in (?, ...)"). A list whose first
-- page is not full is counted by the app without a statement of its own; such entries come last in the list,
-- after the @COUNTED@ entries whose total the app counts with a second statement (the \if below).
-- GET /api/v1/agreements?country=XX (AgreementService.list, default size 20): the page of agreements with both
-- cities, the signatories of those agreements, then the total when the page is full.
\set i random(1, @N@)
\set off 0
\set lim 20
select a1_0.id,a1_0.created_at,a1_0.created_by,a1_0.established_on,a1_0.home_city_id,hc1_0.id,hc1_0.area_km2,hc1_0.average_temperature_c,hc1_0.country_code,hc1_0.created_at,hc1_0.created_by,hc1_0.description,hc1_0.latitude,hc1_0.location,hc1_0.longitude,hc1_0.name,hc1_0.native_name,hc1_0.population,hc1_0.population_year,hc1_0.region,hc1_0.regional_features,hc1_0.search_text,hc1_0.slug,hc1_0.updated_at,hc1_0.updated_by,hc1_0.version,hc1_0.website,a1_0.notes,a1_0.partner_city_id,pc1_0.id,pc1_0.area_km2,pc1_0.average_temperature_c,pc1_0.country_code,pc1_0.created_at,pc1_0.created_by,pc1_0.description,pc1_0.latitude,pc1_0.location,pc1_0.longitude,pc1_0.name,pc1_0.native_name,pc1_0.population,pc1_0.population_year,pc1_0.region,pc1_0.regional_features,pc1_0.search_text,pc1_0.slug,pc1_0.updated_at,pc1_0.updated_by,pc1_0.version,pc1_0.website,a1_0.partner_country,a1_0.status,a1_0.type,a1_0.updated_at,a1_0.updated_by,a1_0.version from agreements a1_0 join cities hc1_0 on hc1_0.id=a1_0.home_city_id join cities pc1_0 on pc1_0.id=a1_0.partner_city_id where a1_0.partner_country=(@KEYS@::varchar[])[:i] order by a1_0.established_on,a1_0.id offset :off rows fetch first :lim rows only;
select distinct a1_0.id,a1_0.created_at,a1_0.created_by,a1_0.established_on,a1_0.home_city_id,a1_0.notes,a1_0.partner_city_id,a1_0.partner_country,s1_0.agreement_id,s1_0.position,s1_1.id,s1_1.city_id,c1_0.id,c1_0.area_km2,c1_0.average_temperature_c,c1_0.country_code,c1_0.created_at,c1_0.created_by,c1_0.description,c1_0.latitude,c1_0.location,c1_0.longitude,c1_0.name,c1_0.native_name,c1_0.population,c1_0.population_year,c1_0.region,c1_0.regional_features,c1_0.search_text,c1_0.slug,c1_0.updated_at,c1_0.updated_by,c1_0.version,c1_0.website,s1_1.created_at,s1_1.created_by,s1_1.name,s1_1.native_name,s1_1.title,s1_1.updated_at,s1_1.updated_by,s1_1.version,a1_0.status,a1_0.type,a1_0.updated_at,a1_0.updated_by,a1_0.version from agreements a1_0 left join agreement_signatories s1_0 on a1_0.id=s1_0.agreement_id left join signatories s1_1 on s1_1.id=s1_0.signatory_id left join cities c1_0 on c1_0.id=s1_1.city_id where a1_0.id = any((@IDS@::text[])[:i]::bigint[]);
\if :i <= @COUNTED@
select count(*) from agreements a1_0 where a1_0.partner_country=(@KEYS@::varchar[])[:i];
\endif
