-- All-time vote counts per page and rating, kept by the same trigger and in the same transaction as the daily
-- counters, so that a page's all-time aggregate reads five rows whatever the number of votes and days.
create table survey_totals (
    page_id bigint not null references pages (id) on delete cascade,
    rating  varchar(20) not null
            check (rating in ('VERY_SATISFIED', 'SATISFIED', 'AVERAGE', 'UNSATISFIED', 'VERY_UNSATISFIED')),
    votes   bigint not null check (votes >= 0),
    primary key (page_id, rating)
);

-- Daily row first, then the total: every vote takes the two row locks in the same order.
create or replace function survey_count_votes() returns trigger
    language plpgsql as
$$
declare
    zone varchar(64);
begin
    select time_zone into zone from survey_settings;
    insert into survey_daily_counts (page_id, day, rating, votes)
    select page_id, (created_at at time zone coalesce(zone, 'Asia/Seoul'))::date, rating, count(*)
    from new_votes
    group by 1, 2, 3
    on conflict (page_id, day, rating) do update set votes = survey_daily_counts.votes + excluded.votes;
    insert into survey_totals (page_id, rating, votes)
    select page_id, rating, count(*)
    from new_votes
    group by 1, 2
    on conflict (page_id, rating) do update set votes = survey_totals.votes + excluded.votes;
    return null;
end
$$;

insert into survey_totals (page_id, rating, votes)
select page_id, rating, sum(votes)
from survey_daily_counts
group by 1, 2;
