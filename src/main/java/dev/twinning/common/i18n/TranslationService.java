package dev.twinning.common.i18n;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.ws.rs.core.EntityTag;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.arc.All;

import dev.twinning.common.error.ConflictException;
import dev.twinning.common.error.ResourceNotFoundException;
import dev.twinning.common.etag.EntityTags;
import dev.twinning.common.etag.IfMatch;
import dev.twinning.content.Action;
import dev.twinning.content.Workflow;
import dev.twinning.content.WorkingCopy;

/**
 * Reading and editing the translations of any {@link TranslatableCollection}'s records. If-Match is compared
 * with the record's own ETag (its GET in the request's locale), and every write answers with the record.
 */
@ApplicationScoped
public class TranslationService {

    /** A body and the ETag of the record it belongs to. */
    public record Tagged<T>(T body, EntityTag tag) {
    }

    private final Map<String, TranslatableCollection<?>> collections = new LinkedHashMap<>();
    private final ContentLocales locales;
    private final EntityTags entityTags;
    private final EntityManager em;
    private final Workflow workflow;

    public TranslationService(@All List<TranslatableCollection<?>> collections, ContentLocales locales, EntityTags entityTags,
            EntityManager em, Workflow workflow) {
        this.em = em;
        this.workflow = workflow;
        collections.forEach(collection -> this.collections.put(collection.collection(), collection));
        this.locales = locales;
        this.entityTags = entityTags;
    }

    /** Every locale's text of the record (its working copy, for content with a workflow), the default locale first. */
    @WorkingCopy
    public Tagged<Map<String, Map<String, String>>> all(String collection, String idOrKey) {
        return all(of(collection), idOrKey);
    }

    /** One locale's own text of the record (no fallback); 404 when it has none. */
    @WorkingCopy
    public Tagged<Map<String, String>> one(String collection, String idOrKey, String locale) {
        return one(of(collection), idOrKey, locales.exactly("locale", locale));
    }

    /** The supported locale a path names, in its canonical spelling. */
    public String localeTag(String locale) {
        return locales.exactly("locale", locale).tag();
    }

    @WorkingCopy
    public Tagged<Object> put(String collection, String idOrKey, String locale, JsonNode body, IfMatch ifMatch) {
        return put(of(collection), idOrKey, locales.exactly("locale", locale), body, ifMatch);
    }

    @WorkingCopy
    public EntityTag delete(String collection, String idOrKey, String locale, IfMatch ifMatch) {
        return delete(of(collection), idOrKey, locales.exactly("locale", locale), ifMatch);
    }

    private <E extends TranslatableEntity> Tagged<Map<String, Map<String, String>>> all(TranslatableCollection<E> collection,
            String idOrKey) {
        E record = collection.find(idOrKey);
        return new Tagged<>(collection.text().all(record, locales.tags(), locales.defaultTag()), tagOf(collection, record));
    }

    private <E extends TranslatableEntity> Tagged<Map<String, String>> one(TranslatableCollection<E> collection, String idOrKey,
            ContentLocale locale) {
        E record = collection.find(idOrKey);
        Map<String, String> texts = collection.text().inLocale(record, locale.tag(), locales.defaultTag());
        if (texts.isEmpty()) {
            throw new ResourceNotFoundException("translation", locale.tag() + " of " + collection.collection() + "/" + idOrKey);
        }
        return new Tagged<>(texts, tagOf(collection, record));
    }

    private <E extends TranslatableEntity> Tagged<Object> put(TranslatableCollection<E> collection, String idOrKey,
            ContentLocale locale, JsonNode body, IfMatch ifMatch) {
        E record = collection.find(idOrKey);
        ifMatch.check(tagOf(collection, record));
        collection.text().put(record, locale.tag(), locales.defaultTag(), body, "");
        translated(collection, record);
        Object representation = collection.represent(record);
        return new Tagged<>(representation, entityTags.of(representation));
    }

    private <E extends TranslatableEntity> EntityTag delete(TranslatableCollection<E> collection, String idOrKey,
            ContentLocale locale, IfMatch ifMatch) {
        E record = collection.find(idOrKey);
        ifMatch.check(tagOf(collection, record));
        if (locale.isDefault()) {
            throw new ConflictException("The default locale's text (" + locale.tag()
                    + ") cannot be removed; change it with PUT instead");
        }
        if (!collection.text().has(record, locale.tag())) {
            throw new ResourceNotFoundException("translation", locale.tag() + " of " + collection.collection() + "/" + idOrKey);
        }
        collection.text().remove(record, locale.tag());
        translated(collection, record);
        return tagOf(collection, record);
    }

    /** A revision for content with a workflow (which also publishes it on ?publish=true). */
    private <E extends TranslatableEntity> void translated(TranslatableCollection<E> collection, E record) {
        em.flush();
        workflow.changed(collection.collection(), record, Action.TRANSLATE);
    }

    private <E extends TranslatableEntity> EntityTag tagOf(TranslatableCollection<E> collection, E record) {
        return entityTags.of(collection.represent(record));
    }

    private TranslatableCollection<?> of(String collection) {
        TranslatableCollection<?> found = collections.get(collection);
        if (found == null) {
            throw new ResourceNotFoundException("translatable collection", collection);
        }
        return found;
    }
}
