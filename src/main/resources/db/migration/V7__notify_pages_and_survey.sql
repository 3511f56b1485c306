-- Pages join the published content whose changes are announced; survey counts announce theirs on a second
-- channel, so that cached pages and survey results are dropped on every instance when a vote is counted.
create trigger pages_changed after insert or update or delete or truncate on pages
    for each statement execute function content_changed();
create trigger page_agreements_changed after insert or update or delete or truncate on page_agreements
    for each statement execute function content_changed();

create function survey_changed() returns trigger
    language plpgsql as
$$
begin
    perform pg_notify('twinning_survey', '');
    return null;
end
$$;

create trigger survey_daily_counts_changed after insert or update or delete or truncate on survey_daily_counts
    for each statement execute function survey_changed();
