package dev.twinning.translation;

import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestResponse;

import com.fasterxml.jackson.databind.JsonNode;

import dev.twinning.common.etag.IfMatch;
import dev.twinning.common.i18n.TranslationService;
import dev.twinning.common.i18n.TranslationService.Tagged;
import dev.twinning.user.Scope;

/**
 * A record's translations, reached through each translatable collection's resource at
 * {@code /api/v1/{collection}/{idOrKey}/translations}.
 */
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Scope.CONTENT_READ_NAME)
@SecurityRequirement(name = "basicAuth")
@Tag(name = "Translations", description = "The text of cities, signatories, pages and images in every locale")
public class TranslationResource {

    private final TranslationService service;
    private final String collection;
    private final String idOrKey;

    public TranslationResource(TranslationService service, String collection, String idOrKey) {
        this.service = service;
        this.collection = collection;
        this.idOrKey = idOrKey;
    }

    @GET
    @Operation(operationId = "listTranslations", summary = "Get a record's text in every locale",
            description = "The default locale first, then each locale that has text of its own. The ETag is the record's, for If-Match on the translation writes.")
    @APIResponse(responseCode = "200", description = "Text by locale, then by field", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TranslationsByLocale.class),
            examples = @ExampleObject(name = "Weihai",
                    value = "{\"en\": {\"name\": \"Weihai\", \"region\": \"Shandong\"}, \"ko\": {\"name\": \"웨이하이\"}}")))
    @APIResponse(responseCode = "404", ref = "NotFound")
    public RestResponse<Map<String, Map<String, String>>> all() {
        Tagged<Map<String, Map<String, String>>> all = service.all(collection, idOrKey);
        return inLanguages(all, String.join(", ", all.body().keySet()));
    }

    @GET
    @Path("{locale}")
    @Operation(operationId = "getTranslation", summary = "Get a record's own text in one locale",
            description = "Only the fields that have text in this locale (no fallback); 404 when none has.")
    @APIResponse(responseCode = "200", description = "Text by field", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = TranslationTexts.class),
            examples = @ExampleObject(name = "Weihai in Korean", value = "{\"name\": \"웨이하이\"}")))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public RestResponse<Map<String, String>> one(
            @PathParam("locale") @Parameter(description = "A supported locale", example = "ko") String locale) {
        Tagged<Map<String, String>> one = service.one(collection, idOrKey, locale);
        return inLanguages(one, service.localeTag(locale));
    }

    @PUT
    @RolesAllowed(Scope.CONTENT_WRITE_NAME)
    @Path("{locale}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "putTranslation", summary = "Set a record's text in one locale",
            description = "Sets the locale's translatable fields; a field left out has no text in that locale (readers then get the fallback). "
                    + "In the default locale every required field must be present. Answers with the record in the request's locale.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = TranslationTexts.class),
            examples = @ExampleObject(name = "Weihai in Korean", value = "{\"name\": \"웨이하이\", \"region\": \"산둥성\"}")))
    @APIResponse(responseCode = "200", description = "The record, with its new ETag", content = @Content(
            mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(ref = "TranslatedRecord")))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public RestResponse<Object> put(
            @PathParam("locale") @Parameter(description = "A supported locale", example = "ko") String locale,
            @Parameter(
                    description = "ETag of the record you edited; a stale one gets 412") @RestHeader("If-Match") String ifMatch,
            JsonNode texts) {
        return tagged(service.put(collection, idOrKey, locale, texts, IfMatch.of(ifMatch)));
    }

    @DELETE
    @RolesAllowed(Scope.CONTENT_WRITE_NAME)
    @Path("{locale}")
    @Operation(operationId = "deleteTranslation", summary = "Remove a record's text in one locale",
            description = "Readers then get the fallback. The default locale's text cannot be removed (409).")
    @APIResponse(responseCode = "204", description = "Removed; the ETag header is the record's new one")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    public RestResponse<Void> delete(
            @PathParam("locale") @Parameter(description = "A supported locale", example = "ko") String locale,
            @Parameter(
                    description = "ETag of the record you saw; a stale one gets 412") @RestHeader("If-Match") String ifMatch) {
        return RestResponse.ResponseBuilder.<Void>noContent()
                .tag(service.delete(collection, idOrKey, locale, IfMatch.of(ifMatch)))
                .build();
    }

    private static <T> RestResponse<T> tagged(Tagged<T> tagged) {
        return RestResponse.ResponseBuilder.ok(tagged.body()).tag(tagged.tag()).build();
    }

    /** Texts in the locales they are written in, named in Content-Language. */
    private static <T> RestResponse<T> inLanguages(Tagged<T> tagged, String languages) {
        return RestResponse.ResponseBuilder.ok(tagged.body()).tag(tagged.tag()).header("Content-Language", languages).build();
    }

    /** A locale's text by field. */
    @Schema(name = "TranslationTexts", type = SchemaType.OBJECT, additionalProperties = String.class,
            description = "Translatable fields and their text in one locale")
    interface TranslationTexts {
    }

    /** Every locale's text. */
    @Schema(name = "TranslationsByLocale", type = SchemaType.OBJECT, additionalProperties = TranslationTexts.class,
            description = "Text by locale, then by field")
    interface TranslationsByLocale {
    }
}
