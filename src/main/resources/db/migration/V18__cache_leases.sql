-- Read caches answer hits without a database round trip; writers pay for the consistency instead. After a
-- write commits, the writer takes a ticket from this sequence and announces it (NOTIFY twinning_tickets); each
-- instance drops its cached answers when it hears a ticket and acknowledges the highest it heard in its lease
-- row. The write answers once every instance with a live lease has acknowledged the writer's ticket. An
-- instance serves from its cache only while its own lease is live, so one that stops renewing (dead, frozen or
-- cut off) stops serving before writers stop waiting for it.
create sequence cache_tickets;

create table cache_leases (
    instance     uuid primary key,
    acknowledged bigint      not null,
    expires_at   timestamptz not null
);
