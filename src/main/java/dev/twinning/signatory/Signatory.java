package dev.twinning.signatory;

import static dev.twinning.common.i18n.TranslatableFields.optional;
import static dev.twinning.common.i18n.TranslatableFields.required;

import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import org.hibernate.annotations.SQLRestriction;

import dev.twinning.city.City;
import dev.twinning.common.i18n.TranslatableEntity;
import dev.twinning.common.i18n.TranslatableFields;
import dev.twinning.content.Publication;
import dev.twinning.content.Publishable;

/** A person who signed agreements for one city's office; one person may sign several agreements. */
@Entity
@Table(name = "signatories")
@SQLRestriction("deleted_at is null")
public class Signatory extends TranslatableEntity implements Publishable {

    /** The text a visitor reads, translatable into every locale. */
    public static final TranslatableFields<Signatory> TEXT = TranslatableFields.of(
            required("name", 200, s -> s.name, (s, text) -> s.name = text),
            optional("title", 200, s -> s.title, (s, text) -> s.title = text));

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    /** Published or not, scheduled, trashed: kept by the workflow. */
    @Embedded
    public Publication publication = new Publication();

    public String name;
    public String nativeName;
    public String title;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "city_id")
    public City city;

    @Override
    public Publication publication() {
        publication = Publication.orEmpty(publication);
        return publication;
    }
}
