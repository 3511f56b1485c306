-- A city's page lists the agreements it is a party to (home or partner). Without this index the OR of the
-- two sides scans every agreement: the read benchmark measured 3 requests per second at 100 000 agreements.
create index agreements_home_city_idx on agreements (home_city_id);
