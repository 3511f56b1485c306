package dev.twinning.common.query;

import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;

import org.hibernate.Session;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * A read changes nothing, so its entities are loaded read-only: Hibernate keeps no snapshot of their state for
 * dirty checking (for the JSON columns, a deep copy of every translation map and alias list it loads).
 */
public class ReadOnlyReads {

    private final Session session;

    public ReadOnlyReads(Session session) {
        this.session = session;
    }

    @ServerRequestFilter
    public void readOnly(ContainerRequestContext request) {
        if (HttpMethod.GET.equals(request.getMethod()) || HttpMethod.HEAD.equals(request.getMethod())) {
            session.setDefaultReadOnly(true);
        }
    }
}
