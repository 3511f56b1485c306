-- The statements the packaged app runs for one request, copied verbatim from its log (QUARKUS_HIBERNATE_ORM_LOG_SQL=true,
-- QUARKUS_HIBERNATE_ORM_LOG_FORMAT_SQL=false). Hibernate binds its values as parameters; here they are pgbench
-- variables (prepared statements with -M prepared, like the JDBC driver after its fifth execution), and the
-- country, slug or agreement ids come from the same list that wrk draws its URLs from: read-benchmark.sh
-- fills in @N@ (list length), @KEYS@ (the countries or slugs) and @IDS@ (per entry, the agreement ids that the
-- previous statement returns in the app, which Hibernate then binds into its "in (?, ...)").
-- GET /api/v1/pages/friendship-cities/survey (SurveyService.result): the page's key and its all-time totals, in one
-- statement.
select p.key, t.rating, t.votes from pages p left join survey_totals t on t.page_id = p.id where p.key = 'friendship-cities';
