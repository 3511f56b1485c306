-- A login attempt is counted as a failure from the moment it is checked (the row is deleted if it succeeds), so
-- that concurrent guesses cannot pass the limit; the id names the attempt's rows.
alter table login_failures add column id bigint generated always as identity primary key;
