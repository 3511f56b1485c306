package dev.twinning.media;

import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.jboss.resteasy.reactive.PartType;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/** The form of an upload: the file, and optionally its texts in the default locale. */
@Schema(name = "MediaUpload")
public class MediaUpload {

    @RestForm("file")
    @PartType(MediaType.APPLICATION_OCTET_STREAM)
    @Schema(required = true, type = SchemaType.STRING, format = "binary",
            description = "A JPEG, PNG or WebP image (recognised by its content), at most TWINNING_MEDIA_MAX_BYTES")
    public FileUpload file;

    @RestForm("alt")
    @Schema(description = "Text alternative in the default locale, e.g. \"Harbin's St. Sophia Cathedral in winter\"")
    public String alt;

    @RestForm("caption")
    @Schema(description = "Caption in the default locale, e.g. \"Harbin, China\"")
    public String caption;

    @RestForm("credit")
    @Schema(description = "Photographer or source, e.g. \"City of Harbin\"")
    public String credit;
}
