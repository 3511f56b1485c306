package dev.twinning.common.i18n;

import java.util.HashMap;
import java.util.Map;

import jakarta.persistence.MappedSuperclass;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import dev.twinning.common.audit.AuditedEntity;

/**
 * Content with text in several locales. The default locale's text lives in the entity's own columns (what
 * POST, PUT and PATCH edit); every other locale's text lives in {@code translations}, a JSON object
 * {@code {"ko": {"name": "웨이하이"}}} in the same row, so reading a record in any locale costs no extra
 * statement. Each content type lists its translatable fields in a {@link TranslatableFields}.
 */
@MappedSuperclass
public abstract class TranslatableEntity extends AuditedEntity {

    @JdbcTypeCode(SqlTypes.JSON)
    public Map<String, Map<String, String>> translations = new HashMap<>();
}
