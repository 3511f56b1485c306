package dev.twinning.common.error;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;

import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import dev.twinning.common.http.RequestLog;

/** Copies the request id into every problem body, wherever in the API the problem arose. */
public class ProblemRequestId {

    @ServerResponseFilter
    public void addRequestId(ContainerRequestContext request, ContainerResponseContext response) {
        if (response.getEntity() instanceof Problem problem) {
            response.setEntity(problem.withRequestId(request.getHeaderString(RequestLog.HEADER)));
        }
    }
}
