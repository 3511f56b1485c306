-- Dates of establishment stay within four-digit years, so an absurd value is a clean 400, not a stored oddity.
alter table agreements
    add constraint agreements_established_on_plausible check (established_on between date '1000-01-01' and date '9999-12-31');
