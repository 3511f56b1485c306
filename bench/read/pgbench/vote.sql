-- The statements the packaged app runs for one request, copied verbatim from its log (QUARKUS_HIBERNATE_ORM_LOG_SQL=true,
-- QUARKUS_HIBERNATE_ORM_LOG_FORMAT_SQL=false), with its bound values written in.
-- POST /api/v1/pages/friendship-cities/votes with limits off (TWINNING_SURVEY_LIMITS_ENABLED=false): one
-- transaction that reads the page by key, inserts the vote (its trigger bumps survey_daily_counts and
-- survey_totals) and reads the page's new all-time counts back for the answer. Not here: the two statements
-- after the commit that wait for every instance's read cache (CacheInvalidation, plain JDBC: a ticket with its
-- NOTIFY, then the count of live instances that have not acknowledged it).
\set one 1
begin;
select p1_0.id,p1_0.body,p1_0.created_at,p1_0.created_by,p1_0.key,p1_0.deleted_at,p1_0.deleted_by,p1_0.publish_at,p1_0.published_at,p1_0.published_version,p1_0.unpublish_at,p1_0.title,p1_0.translations,p1_0.updated_at,p1_0.updated_by,p1_0.version from pages p1_0 where (p1_0.deleted_at is null) and p1_0.key='friendship-cities' fetch first :one rows only \gset page_
insert into survey_votes (created_at,page_id,rating) values (now(),:page_id,'SATISFIED');
select p.key, t.rating, t.votes from pages p left join survey_totals t on t.page_id = p.id where p.key = 'friendship-cities';
commit;
