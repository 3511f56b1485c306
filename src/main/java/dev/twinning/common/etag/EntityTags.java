package dev.twinning.common.etag;

import java.net.URI;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.EntityTag;

import org.jboss.resteasy.reactive.RestResponse;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Strong entity tags computed from the JSON a client receives, so a tag changes whenever the
 * representation does, embedded data included.
 */
@ApplicationScoped
public class EntityTags {

    private final ObjectMapper mapper;

    public EntityTags(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    public EntityTag of(Object representation) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(mapper.writeValueAsBytes(representation));
            return new EntityTag(Base64.getUrlEncoder().withoutPadding().encodeToString(digest).substring(0, 27));
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("Cannot compute an entity tag", e);
        }
    }

    /**
     * 200 with the body and its ETag, or 304 when If-None-Match already names it. The comparison is weak
     * (RFC 9110), so a tag a proxy marked {@code W/} after compressing still matches.
     */
    public <T> RestResponse<T> ok(String ifNoneMatch, T representation) {
        EntityTag tag = of(representation);
        if (ifNoneMatch != null && names(ifNoneMatch, tag)) {
            return RestResponse.ResponseBuilder.<T>create(RestResponse.Status.NOT_MODIFIED).tag(tag).build();
        }
        return RestResponse.ResponseBuilder.ok(representation).tag(tag).build();
    }

    private static boolean names(String header, EntityTag tag) {
        String quoted = "\"" + tag.getValue() + "\"";
        for (String candidate : header.split(",")) {
            String value = candidate.trim();
            if (value.equals("*") || value.equals(quoted) || value.equals("W/" + quoted)) {
                return true;
            }
        }
        return false;
    }

    /** 200 with the representation a write produced and its new ETag. */
    public <T> RestResponse<T> written(T representation) {
        return RestResponse.ResponseBuilder.ok(representation).tag(of(representation)).build();
    }

    /** 201 with the new resource's location, representation and ETag. */
    public <T> RestResponse<T> created(URI location, T representation) {
        return RestResponse.ResponseBuilder.<T>created(location).entity(representation).tag(of(representation)).build();
    }
}
