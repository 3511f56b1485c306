-- Survey aggregates read per-page, per-day counters instead of scanning votes. A statement-level trigger
-- keeps them in the same transaction as every insert into survey_votes, whichever code path inserts.

-- One row: the time zone that defines a "day" for counters and vote limits, and the salt of visitor hashes.
create table survey_settings (
    id        boolean primary key default true check (id),
    time_zone varchar(64) not null,
    salt      bytea not null
);

create table survey_daily_counts (
    page_id bigint not null references pages (id) on delete cascade,
    day     date not null,
    rating  varchar(20) not null
            check (rating in ('VERY_SATISFIED', 'SATISFIED', 'AVERAGE', 'UNSATISFIED', 'VERY_UNSATISFIED')),
    votes   bigint not null check (votes >= 0),
    primary key (page_id, day, rating)
);

-- Who already voted on a page on a day, as a salted hash; rows older than the current day are purged.
create table survey_visitor_days (
    page_id      bigint not null references pages (id) on delete cascade,
    day          date not null,
    visitor_hash bytea not null,
    primary key (page_id, day, visitor_hash)
);
create index survey_visitor_days_day_idx on survey_visitor_days (day);

create function survey_count_votes() returns trigger
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
    return null;
end
$$;

create trigger survey_votes_counted
    after insert on survey_votes
    referencing new table as new_votes
    for each statement
execute function survey_count_votes();

insert into survey_daily_counts (page_id, day, rating, votes)
select page_id, (created_at at time zone 'Asia/Seoul')::date, rating, count(*)
from survey_votes
group by 1, 2, 3;
