package dev.twinning.workflow;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.twinning.content.Workflow;

/** Makes the workflow's sub-resources for a record of a collection; each content resource locates them. */
@ApplicationScoped
public class WorkflowEndpoints {

    private final Workflow workflow;
    private final ObjectMapper mapper;

    public WorkflowEndpoints(Workflow workflow, ObjectMapper mapper) {
        this.workflow = workflow;
        this.mapper = mapper;
    }

    public PublicationResource.Publish publish(String collection, String idOrKey) {
        return new PublicationResource.Publish(workflow, mapper, collection, idOrKey);
    }

    public PublicationResource.Unpublish unpublish(String collection, String idOrKey) {
        return new PublicationResource.Unpublish(workflow, mapper, collection, idOrKey);
    }

    public PublicationResource.Schedule schedule(String collection, String idOrKey) {
        return new PublicationResource.Schedule(workflow, collection, idOrKey);
    }

    public RevisionResource revisions(String collection, String idOrKey) {
        return new RevisionResource(workflow, collection, idOrKey);
    }
}
