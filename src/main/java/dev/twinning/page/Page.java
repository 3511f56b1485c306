package dev.twinning.page;

import static dev.twinning.common.i18n.TranslatableFields.optional;
import static dev.twinning.common.i18n.TranslatableFields.required;

import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;

import org.hibernate.annotations.SQLRestriction;

import dev.twinning.agreement.Agreement;
import dev.twinning.common.i18n.TranslatableEntity;
import dev.twinning.common.i18n.TranslatableFields;
import dev.twinning.content.Publication;
import dev.twinning.content.Publishable;
import dev.twinning.media.ImageSlot;

/** A page of the public site, presenting some agreements in a chosen order. */
@Entity
@Table(name = "pages")
@SQLRestriction("deleted_at is null")
public class Page extends TranslatableEntity implements Publishable {

    /** The text a visitor reads, translatable into every locale. */
    public static final TranslatableFields<Page> TEXT = TranslatableFields.of(
            required("title", 200, p -> p.title, (p, text) -> p.title = text),
            optional("body", 20000, p -> p.body, (p, text) -> p.body = text));

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    /** Published or not, scheduled, trashed: kept by the workflow. */
    @Embedded
    public Publication publication = new Publication();

    public String key;
    public String title;
    public String body;

    /** The images shown, in order; loaded for a whole page of records at once. */
    @ElementCollection
    @CollectionTable(name = "page_images", joinColumns = @JoinColumn(name = "page_id"))
    @OrderColumn(name = "position")
    public List<ImageSlot> images = new ArrayList<>();

    @ManyToMany
    @JoinTable(name = "page_agreements",
            joinColumns = @JoinColumn(name = "page_id"),
            inverseJoinColumns = @JoinColumn(name = "agreement_id"))
    @OrderColumn(name = "position")
    public List<Agreement> agreements = new ArrayList<>();

    @Override
    public Publication publication() {
        publication = Publication.orEmpty(publication);
        return publication;
    }
}
