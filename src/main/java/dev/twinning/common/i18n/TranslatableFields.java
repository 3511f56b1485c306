package dev.twinning.common.i18n;

import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiConsumer;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;

import dev.twinning.common.error.InputErrors;

/**
 * What a content type declares about its text: which fields are translatable, how long each may be, which
 * the default locale must have, and how to read and write the default locale's column. Reading in a locale
 * (with per-field fallback) and writing or removing a locale's translation are done here, once, for every
 * content type.
 */
public final class TranslatableFields<E extends TranslatableEntity> {

    /** One translatable field; {@code get} and {@code set} reach the default locale's column. */
    public record Field<E>(String name, int maxLength, boolean required, Function<E, String> get, BiConsumer<E, String> set) {
    }

    /** Unknown fields named in one 400, so that a body of thousands cannot make a huge answer. */
    private static final int MAX_UNKNOWN_REPORTED = 20;

    private final Map<String, Field<E>> fields = new LinkedHashMap<>();

    @SafeVarargs
    private TranslatableFields(Field<E>... declared) {
        for (Field<E> field : declared) {
            fields.put(field.name(), field);
        }
    }

    @SafeVarargs
    public static <E extends TranslatableEntity> TranslatableFields<E> of(Field<E>... fields) {
        return new TranslatableFields<>(fields);
    }

    /** A field every record has in the default locale (a name, a title). */
    public static <E> Field<E> required(String name, int maxLength, Function<E, String> get, BiConsumer<E, String> set) {
        return new Field<>(name, maxLength, true, get, set);
    }

    public static <E> Field<E> optional(String name, int maxLength, Function<E, String> get, BiConsumer<E, String> set) {
        return new Field<>(name, maxLength, false, get, set);
    }

    public List<String> names() {
        return List.copyOf(fields.keySet());
    }

    /** Each field in the requested locale, falling back along the locale's chain field by field. */
    public LocalizedText localize(E entity, ContentLocale locale) {
        Map<String, String> values = new HashMap<>();
        Map<String, String> fallbacks = new TreeMap<>();
        for (Field<E> field : fields.values()) {
            for (String tag : locale.chain()) {
                String text = text(entity, field, tag, locale.defaultTag());
                if (text != null) {
                    values.put(field.name(), text);
                    if (!tag.equals(locale.tag())) {
                        fallbacks.put(field.name(), tag);
                    }
                    break;
                }
            }
        }
        return new LocalizedText(locale.tag(), values, Collections.unmodifiableMap(fallbacks));
    }

    /** Every locale's text, the default locale first: {@code {"en": {"name": "Weihai"}, "ko": {"name": "웨이하이"}}}. */
    public Map<String, Map<String, String>> all(E entity, List<String> tags, String defaultTag) {
        Map<String, Map<String, String>> all = new LinkedHashMap<>();
        for (String tag : tags) {
            Map<String, String> texts = inLocale(entity, tag, defaultTag);
            if (!texts.isEmpty() || tag.equals(defaultTag)) {
                all.put(tag, texts);
            }
        }
        return all;
    }

    /** One locale's own text (no fallback), in declaration order. */
    public Map<String, String> inLocale(E entity, String tag, String defaultTag) {
        Map<String, String> texts = new LinkedHashMap<>();
        for (Field<E> field : fields.values()) {
            String text = text(entity, field, tag, defaultTag);
            if (text != null) {
                texts.put(field.name(), text);
            }
        }
        return texts;
    }

    /**
     * Replaces one locale's text with the members of a JSON object: a field left out has no text in
     * that locale. Unknown fields, non-strings, blank or too long texts, and (in the default locale) a missing
     * required field are reported together, naming each field, and change nothing.
     */
    public void put(E entity, String tag, String defaultTag, JsonNode body, String path) {
        Map<String, String> texts = parse(body, tag.equals(defaultTag), path);
        if (tag.equals(defaultTag)) {
            fields.values().forEach(field -> field.set().accept(entity, texts.get(field.name())));
            return;
        }
        Map<String, Map<String, String>> translations = new HashMap<>(entity.translations);
        if (texts.isEmpty()) {
            translations.remove(tag);
        } else {
            translations.put(tag, texts);
        }
        entity.translations = translations;
    }

    /** Whether the record has any text of its own in a non-default locale. */
    public boolean has(E entity, String tag) {
        return !entity.translations.getOrDefault(tag, Map.of()).isEmpty();
    }

    /** Removes a non-default locale's text. */
    public void remove(E entity, String tag) {
        Map<String, Map<String, String>> translations = new HashMap<>(entity.translations);
        translations.remove(tag);
        entity.translations = translations;
    }

    /** Replaces every non-default locale's text at once (import), validating each as {@link #put} does. */
    public void replaceTranslations(E entity, Map<String, JsonNode> byLocale, String path, InputErrors errors) {
        Map<String, Map<String, String>> translations = new HashMap<>();
        byLocale.forEach((tag, body) -> {
            Map<String, String> texts = errors.attempt(() -> parse(body, false, path + "." + tag));
            if (texts != null && !texts.isEmpty()) {
                translations.put(tag, texts);
            }
        });
        if (!translations.equals(entity.translations)) {
            entity.translations = translations;
        }
    }

    private Map<String, String> parse(JsonNode body, boolean defaultLocale, String path) {
        InputErrors errors = new InputErrors();
        Map<String, String> texts = new LinkedHashMap<>();
        int unknown = 0;
        if (body == null || !body.isObject()) {
            errors.add(path.isEmpty() ? "body" : path,
                    "must be a JSON object of translatable fields: " + String.join(", ", names()));
            errors.throwIfAny();
        }
        String prefix = path.isEmpty() ? "" : path + ".";
        for (Iterator<Map.Entry<String, JsonNode>> members = body.fields(); members.hasNext();) {
            Map.Entry<String, JsonNode> member = members.next();
            Field<E> field = fields.get(member.getKey());
            JsonNode value = member.getValue();
            if (field == null) {
                if (++unknown <= MAX_UNKNOWN_REPORTED) {
                    errors.add(prefix + member.getKey(),
                            "is not a translatable field; these are: " + String.join(", ", names()));
                }
            } else if (!value.isTextual()) {
                errors.add(prefix + field.name(), "must be a string; leave the field out for no text in this locale");
            } else if (value.asText().isBlank()) {
                errors.add(prefix + field.name(), "must not be blank; leave the field out for no text in this locale");
            } else if (value.asText().indexOf('\0') >= 0) {
                errors.add(prefix + field.name(), "must not contain the NUL character");
            } else if (value.asText().length() > field.maxLength()) {
                errors.add(prefix + field.name(), "must be at most " + field.maxLength() + " characters");
            } else {
                // names and titles are trimmed, as the records' own writes trim them; other texts are kept as written
                texts.put(field.name(), field.required() ? value.asText().trim() : value.asText());
            }
        }
        if (defaultLocale) {
            fields.values().stream()
                    .filter(field -> field.required() && !body.hasNonNull(field.name()))
                    .forEach(field -> errors.add(prefix + field.name(), "is required in the default locale"));
        }
        errors.throwIfAny();
        return texts;
    }

    private String text(E entity, Field<E> field, String tag, String defaultTag) {
        if (tag.equals(defaultTag)) {
            return field.get().apply(entity);
        }
        Map<String, String> texts = entity.translations.get(tag);
        return texts == null ? null : texts.get(field.name());
    }
}
