package dev.twinning.media;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.transaction.Transactional;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.configuration.MemorySize;

import dev.twinning.audit.AuditLog;
import dev.twinning.common.error.ConflictException;
import dev.twinning.common.error.InvalidInputException;
import dev.twinning.common.error.RequestRejectedException;
import dev.twinning.common.error.ResourceNotFoundException;
import dev.twinning.common.etag.EntityTags;
import dev.twinning.common.etag.IfMatch;
import dev.twinning.common.i18n.RequestLocale;
import dev.twinning.common.i18n.TranslatableCollection;
import dev.twinning.common.paging.Paged;
import dev.twinning.common.patch.MergePatch;
import dev.twinning.common.query.Ids;
import dev.twinning.media.MediaStore.StoredFile;
import dev.twinning.webhook.WebhookEvents;

@ApplicationScoped
public class MediaService {

    /** Images' collection in the audit log. */
    static final String COLLECTION = "media";

    /** Which stored file a content request names, and the tag of its bytes (known without reading them). */
    public record Content(long mediaId, int width, String etag) {
    }

    private final MediaRepository media;
    private final MediaStore store;
    private final ImageProcessor images;
    private final EntityTags entityTags;
    private final MergePatch mergePatch;
    private final RequestLocale locale;
    private final Validator validator;
    private final AuditLog audit;
    private final WebhookEvents events;
    private final long maxBytes;

    public MediaService(MediaRepository media, MediaStore store, ImageProcessor images, EntityTags entityTags,
            MergePatch mergePatch, RequestLocale locale, Validator validator, AuditLog audit,
            WebhookEvents events, @ConfigProperty(name = "twinning.media.max-bytes") MemorySize maxBytes) {
        this.media = media;
        this.store = store;
        this.images = images;
        this.entityTags = entityTags;
        this.mergePatch = mergePatch;
        this.locale = locale;
        this.validator = validator;
        this.audit = audit;
        this.events = events;
        this.maxBytes = maxBytes.asLongValue();
    }

    /**
     * The audit entry and webhook events of a change: images are public at once, so a change of one that pages
     * show updates those pages (a new one is nowhere yet; one in use cannot be deleted).
     */
    private void changed(Media image, String auditAction, String eventAction) {
        audit.record(auditAction, COLLECTION, image.id, null);
        events.changed(new WebhookEvents.Subject(COLLECTION, image.id, null, null), eventAction,
                eventAction.equals("updated"));
    }

    /** Plugs media into the translation endpoints ({@code alt} and {@code caption}). */
    @Produces
    TranslatableCollection<Media> translatable() {
        return new TranslatableCollection<>("media", Media.TEXT, this::find, this::represent);
    }

    public Paged<MediaResponse> list(MediaQuery query) {
        query.validate();
        int page = query.pageNumber();
        int size = query.pageSize();
        List<MediaResponse> items = media.listPage(query.sort(), page, size).stream().map(this::represent).toList();
        return Paged.of(items, page, size, media::count);
    }

    public MediaResponse get(String id) {
        return represent(find(id));
    }

    /**
     * Checks the upload (type by content, size, pixel limits from the header), makes every rendition with no
     * database connection held, then stores the image and its files in one transaction: a refused or failed
     * upload stores nothing.
     */
    public MediaResponse upload(MediaUpload upload) {
        MediaRequest texts = new MediaRequest(upload.alt, upload.caption, upload.credit);
        Set<ConstraintViolation<MediaRequest>> violations = validator.validate(texts);
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
        if (upload.file == null) {
            throw new InvalidInputException("file", "is required: send the image as the form field 'file'");
        }
        if (upload.file.filePath() == null) {
            throw new InvalidInputException("file", "must be sent as a file: a form part with a file name");
        }
        if (upload.file.size() == 0) {
            throw new InvalidInputException("file", "is empty");
        }
        if (upload.file.size() > maxBytes) {
            throw new RequestRejectedException(413, "The file has " + upload.file.size() + " bytes; at most " + maxBytes
                    + " are accepted (TWINNING_MEDIA_MAX_BYTES)");
        }
        byte[] original = read(upload);
        ImageProcessor.Inspection inspection = images.inspect(original);
        List<ImageProcessor.Rendition> renditions = images.render(original, inspection);
        return QuarkusTransaction.requiringNew().call(() -> {
            Media image = new Media();
            image.contentType = inspection.format().contentType();
            image.width = inspection.width();
            image.height = inspection.height();
            image.bytes = original.length;
            image.sha256 = sha256(original);
            texts.applyTo(image);
            media.persist(image);
            media.flush();
            store.save(image.id, new StoredFile(0, 0, image.contentType, original));
            renditions.forEach(rendition -> store.save(image.id,
                    new StoredFile(rendition.width(), rendition.height(), rendition.contentType(), rendition.data())));
            changed(image, "CREATE", "created");
            return represent(image);
        });
    }

    @Transactional
    public MediaResponse replace(String id, MediaRequest request, IfMatch ifMatch) {
        Media image = find(id);
        ifMatch.check(entityTags.of(represent(image)));
        request.applyTo(image);
        media.flush();
        changed(image, "UPDATE", "updated");
        return represent(image);
    }

    @Transactional
    public MediaResponse patch(String id, JsonNode patch, IfMatch ifMatch) throws JsonProcessingException {
        Media image = find(id);
        ifMatch.check(entityTags.of(represent(image)));
        mergePatch.apply(MediaRequest.from(image), patch, MediaRequest.class).applyTo(image);
        media.flush();
        changed(image, "UPDATE", "updated");
        return represent(image);
    }

    @Transactional
    public void delete(String id, IfMatch ifMatch) {
        Media image = find(id);
        ifMatch.check(entityTags.of(represent(image)));
        List<String> uses = media.usesOf(image);
        if (!uses.isEmpty()) {
            throw new ConflictException("Image " + image.id + " is shown by " + String.join(", ", uses)
                    + "; remove it from those first");
        }
        store.deleteAll(image.id);
        media.delete(image);
        media.flush();
        changed(image, "DELETE", "deleted");
    }

    /**
     * The image in a preset width (never enlarged: a width at or above the image's own gives its largest
     * rendition), or its largest rendition without one.
     */
    public Content content(String id, String width) {
        Media image = find(id);
        List<Integer> widths = ImageProcessor.renditionWidths(image.width);
        int largest = widths.get(0);
        int wanted = largest;
        if (width != null && !width.isBlank()) {
            Integer preset = ImageProcessor.WIDTHS.stream().filter(w -> String.valueOf(w).equals(width.trim())).findFirst()
                    .orElseThrow(() -> new InvalidInputException("width", "must be one of " + ImageProcessor.WIDTHS));
            wanted = Math.min(preset, largest);
        }
        return new Content(image.id, wanted, "\"" + image.sha256.substring(0, 20) + "-" + wanted + "\"");
    }

    /** The bytes of a content request (read only when the client does not have them already). */
    public StoredFile bytes(Content content) {
        return store.find(content.mediaId(), content.width())
                .orElseThrow(
                        () -> new ResourceNotFoundException("image file", content.mediaId() + " in width " + content.width()));
    }

    private Media find(String id) {
        return Ids.parse(id).flatMap(media::findByIdOptional).orElseThrow(() -> new ResourceNotFoundException("image", id));
    }

    private MediaResponse represent(Media image) {
        return MediaResponse.from(image, locale.get());
    }

    private static byte[] read(MediaUpload upload) {
        try {
            return Files.readAllBytes(upload.file.uploadedFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String sha256(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
