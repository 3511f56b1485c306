-- Scaled content for bench/read-benchmark.sh, added to the seed data of a scratch database that the app has
-- migrated and seeded. psql variables: cities (total cities afterwards), countries (how many countries they
-- spread over) and agreements (how many to add). Survey votes are loaded separately, in batches.
--
-- Every derived value ends up as the app would have written it:
--   * cities.search_text is SearchText.normalize(name + " " + nativeName): names are plain ASCII letters and
--     native names CJK unified ideographs (unchanged by NFKD), so lower(name) || ' ' || native_name is exact;
--   * the content tables' statement-level triggers NOTIFY the change (one per statement, so the app drops its
--     read cache once the load is done);
--   * survey_daily_counts get the new votes added exactly as their trigger adds them (see read-benchmark.sh).
--
-- Shape: generated city i (slug city-<i>) lies in country i mod <countries>, the seed's countries first and
-- then the reference list in code order. Agreement j joins partner city k = j mod N with home city
-- (k + 1 + 7r) mod N, r = j div N, a sister city for even r and a friendship city for odd r, so every city
-- is the partner in ~2 agreements and the home city in ~2 (4 on its detail page), and the partner cities of a
-- country carry ~agreements/countries agreements. Each generated city has a mayor, who signs the sister-city
-- agreements of that city (home mayor first), so list items embed 0 or 2 signatories.
\set ON_ERROR_STOP on
begin;

create temporary table bench_countries on commit drop as
select row_number() over (order by seeded desc, code) - 1 as n, code
from (select c.code, exists (select 1 from cities where country_code = c.code) as seeded from countries c) all_codes
order by seeded desc, code
limit :countries;

create temporary table bench_cities (n int primary key, id bigint not null) on commit drop;

with wanted as (
    select greatest(0, :cities - (select count(*) from cities)) as n
), inserted as (
    insert into cities (slug, name, native_name, region, country_code, population, population_year, area_km2,
                        average_temperature_c, location, description, regional_features, website, latitude,
                        longitude, search_text)
    select 'city-' || i,
           g.name,
           g.native_name,
           'Region ' || (i % 40 + 1),
           (select code from bench_countries where n = i % :countries),
           10000 + (i::bigint * 7919) % 9990000,
           2015 + i % 10,
           round(((i::bigint * 31) % 500000) / 100.0 + 1, 2),
           round(((i % 400) - 100) / 10.0, 2),
           case when i % 3 = 0 then (i % 900 + 50) || 'km away from the capital' end,
           'A partner city generated for the read benchmark, number ' || i || '. '
               || 'It has an old town, a river port, two universities, a spring festival and a museum of local history.',
           'Known for its ' || (array['textiles', 'ceramics', 'tea', 'shipbuilding', 'software', 'wine'])[1 + i % 6]
               || ' and its ' || (array['parks', 'bridges', 'markets', 'harbour', 'temples'])[1 + i % 5] || '.',
           'https://city-' || i || '.example.org',
           round(((i::bigint * 7) % 17000) / 100.0 - 85, 6),
           round(((i::bigint * 13) % 35000) / 100.0 - 175, 6),
           lower(g.name) || ' ' || g.native_name
    from wanted, generate_series(1, wanted.n::int) i
    cross join lateral (
        select initcap(translate(substr(md5(i::text), 1, 5 + i % 8), '0123456789', 'aeioulnrst')) as name,
               chr(19968 + (i * 7) % 20000) || chr(19968 + (i * 13) % 20000) || chr(19968 + (i * 17) % 20000)
                   || '市' as native_name
    ) g
    returning id, slug
)
insert into bench_cities (n, id)
select row_number() over (order by id) - 1, id from inserted;

analyze bench_cities;

create temporary table bench_mayors (city_id bigint primary key, id bigint not null) on commit drop;
with inserted as (
    insert into signatories (name, native_name, title, city_id)
    select 'Mayor of City ' || n, null, 'Mayor', id from bench_cities
    returning id, city_id
)
insert into bench_mayors (city_id, id) select city_id, id from inserted;
analyze bench_mayors;

with shape as (
    select j, j % c.total as partner, (j % c.total + 1 + 7 * (j / c.total)) % c.total as home, (j / c.total) % 2 = 0 as sister
    from (select count(*) as total from bench_cities) c, generate_series(0, :agreements - 1) j
)
insert into agreements (home_city_id, partner_city_id, type, status, established_on, notes)
select h.id, p.id,
       case when s.sister then 'SISTER_CITY' else 'FRIENDSHIP_CITY' end,
       case when s.j % 25 = 0 then 'ENDED' when s.j % 10 = 0 then 'SUSPENDED' else 'ACTIVE' end,
       case when s.j % 50 <> 0 then date '1960-01-01' + ((s.j * 37) % 23000)::int end,
       case when s.j % 5 = 0 then 'Generated agreement ' || s.j || '; renewed after a visit by a delegation.' end
from shape s
join bench_cities p on p.n = s.partner
join bench_cities h on h.n = s.home;

insert into agreement_signatories (agreement_id, signatory_id, position)
select a.id, m.id, 0
from agreements a join bench_mayors m on m.city_id = a.home_city_id
where a.type = 'SISTER_CITY'
union all
select a.id, m.id, 1
from agreements a join bench_mayors m on m.city_id = a.partner_city_id
where a.type = 'SISTER_CITY' and a.home_city_id in (select id from bench_cities);

commit;
