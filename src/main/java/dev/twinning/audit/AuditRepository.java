package dev.twinning.audit;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepository;

import dev.twinning.common.query.Filter;

@ApplicationScoped
public class AuditRepository implements PanacheRepository<AuditEntry> {

    private static final String NEWEST_FIRST = " order by e.at desc, e.id desc";

    public List<AuditEntry> listNewestFirst(AuditFilter filter, int page, int size) {
        Filter where = where(filter);
        return find("select e from AuditEntry e" + where.where() + NEWEST_FIRST, where.parameters()).page(page, size).list();
    }

    public List<AuditEntry> listAllNewestFirst(AuditFilter filter) {
        Filter where = where(filter);
        return find("select e from AuditEntry e" + where.where() + NEWEST_FIRST, where.parameters()).list();
    }

    public long count(AuditFilter filter) {
        Filter where = where(filter);
        return count("from AuditEntry e" + where.where(), where.parameters());
    }

    private static Filter where(AuditFilter filter) {
        return new Filter()
                .and("lower(e.username) = lower(:user)", "user", filter.user())
                .and("e.collection = :collection", "collection", filter.collection())
                .and("e.action = :action", "action", filter.action())
                .and("e.at >= :from", "from", filter.from())
                .and("e.at < :before", "before", filter.before());
    }
}
