-- Agreements by country filter on the partner city's country. Joined through cities, PostgreSQL walked every
-- agreement in date order and probed its partner city (13-190 ms a page at 100 000 agreements). Kept on the
-- agreement itself by triggers, whatever writes, the country and an index in the list's order serve the
-- filtered, sorted page directly.
alter table agreements add column partner_country varchar(2);
update agreements a set partner_country = c.country_code from cities c where c.id = a.partner_city_id;
alter table agreements alter column partner_country set not null;
create index agreements_partner_country_idx on agreements (partner_country, established_on, id);

create function agreements_copy_partner_country() returns trigger
    language plpgsql as
$$
begin
    new.partner_country := (select country_code from cities where id = new.partner_city_id);
    return new;
end
$$;

create trigger agreements_partner_country
    before insert or update of partner_city_id on agreements
    for each row
execute function agreements_copy_partner_country();

create function cities_copy_country_to_agreements() returns trigger
    language plpgsql as
$$
begin
    update agreements set partner_country = new.country_code where partner_city_id = new.id;
    return null;
end
$$;

create trigger cities_country_to_agreements
    after update of country_code on cities
    for each row
    when (old.country_code is distinct from new.country_code)
execute function cities_copy_country_to_agreements();
