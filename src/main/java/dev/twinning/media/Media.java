package dev.twinning.media;

import static dev.twinning.common.i18n.TranslatableFields.optional;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import dev.twinning.common.i18n.TranslatableEntity;
import dev.twinning.common.i18n.TranslatableFields;

/** An uploaded image: the facts of the original, its texts, and (in the store) its renditions. */
@Entity
@Table(name = "media")
public class Media extends TranslatableEntity {

    /** The text a visitor reads, translatable into every locale; the credit is a name and stays as written. */
    public static final TranslatableFields<Media> TEXT = TranslatableFields.of(
            optional("alt", 1000, m -> m.alt, (m, text) -> m.alt = text),
            optional("caption", 2000, m -> m.caption, (m, text) -> m.caption = text));

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public String contentType;
    /** As displayed: the EXIF orientation applied. */
    public int width;
    public int height;
    public long bytes;
    public String sha256;
    public String alt;
    public String caption;
    public String credit;
}
