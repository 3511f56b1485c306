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
            return new EntityTag(valueOf(mapper.writeValueAsBytes(representation)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot compute an entity tag", e);
        }
    }

    /** The tag's value (unquoted) for a JSON body already written. */
    public static String valueOf(byte[] json) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(json);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest).substring(0, 27);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * 200 with the body and its ETag, or 304 when If-None-Match already names it. The comparison is weak
     * (RFC 9110), so a tag a proxy marked {@code W/} after compressing still matches.
     */
    public <T> RestResponse<T> ok(String ifNoneMatch, T representation) {
        EntityTag tag = of(representation);
        if (matches(ifNoneMatch, "\"" + tag.getValue() + "\"")) {
            return RestResponse.ResponseBuilder.<T>create(RestResponse.Status.NOT_MODIFIED).tag(tag).build();
        }
        return RestResponse.ResponseBuilder.ok(representation).tag(tag).build();
    }

    /** Whether If-None-Match names the quoted tag, or {@code *}. */
    public static boolean matches(String ifNoneMatch, String quotedTag) {
        if (ifNoneMatch == null || quotedTag == null) {
            return false;
        }
        for (String candidate : ifNoneMatch.split(",")) {
            String value = candidate.trim();
            if (value.equals("*") || value.equals(quotedTag) || value.equals("W/" + quotedTag)) {
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
