-- The statements the packaged app runs for one request, copied verbatim from its log (QUARKUS_HIBERNATE_ORM_LOG_SQL=true,
-- QUARKUS_HIBERNATE_ORM_LOG_FORMAT_SQL=false). Hibernate binds its values as parameters; here they are pgbench
-- variables (prepared statements with -M prepared, like the JDBC driver after its fifth execution), and the
-- country, slug or agreement ids come from the same list that wrk draws its URLs from: read-benchmark.sh
-- fills in @N@ (list length), @KEYS@ (the countries or slugs) and @IDS@ (per entry, the agreement ids that the
-- previous statement returns in the app, which Hibernate then binds into its "in (?, ...)").
-- POST /api/v1/pages/friendship-cities/votes with limits off (TWINNING_SURVEY_LIMITS_ENABLED=false): one
-- transaction that reads the page by key and inserts the vote (its trigger bumps survey_daily_counts).
\set one 1
begin;
select p1_0.id,p1_0.body,p1_0.created_at,p1_0.created_by,p1_0.key,p1_0.title,p1_0.updated_at,p1_0.updated_by,p1_0.version from pages p1_0 where p1_0.key='friendship-cities' fetch first :one rows only \gset page_
insert into survey_votes (created_at,page_id,rating) values (now(),:page_id,'SATISFIED');
commit;
