package dev.twinning.city;

import static dev.twinning.common.i18n.TranslatableFields.optional;
import static dev.twinning.common.i18n.TranslatableFields.required;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.PrePersist;
import jakarta.persistence.PreUpdate;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.annotations.SQLRestriction;
import org.hibernate.type.SqlTypes;

import dev.twinning.common.i18n.TranslatableEntity;
import dev.twinning.common.i18n.TranslatableFields;
import dev.twinning.content.Publication;
import dev.twinning.content.Publishable;
import dev.twinning.media.ImageSlot;

/** A city: the home city or a partner city abroad. */
@Entity
@Table(name = "cities")
@SQLRestriction("deleted_at is null")
public class City extends TranslatableEntity implements Publishable {

    /** The text a visitor reads, translatable into every locale. */
    public static final TranslatableFields<City> TEXT = TranslatableFields.of(
            required("name", 200, c -> c.name, (c, text) -> c.name = text),
            optional("region", 200, c -> c.region, (c, text) -> c.region = text),
            optional("location", 500, c -> c.location, (c, text) -> c.location = text),
            optional("description", 20000, c -> c.description, (c, text) -> c.description = text),
            optional("regionalFeatures", 20000, c -> c.regionalFeatures, (c, text) -> c.regionalFeatures = text));

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    /** Published or not, scheduled, trashed: kept by the workflow. */
    @Embedded
    public Publication publication = new Publication();

    public String slug;
    public String name;
    public String nativeName;
    public String region;

    @Column(name = "country_code")
    public String country;

    public Long population;
    public Integer populationYear;
    public BigDecimal areaKm2;

    @Column(name = "average_temperature_c")
    public BigDecimal averageTemperatureC;

    public String location;
    public String description;
    public String regionalFeatures;
    public String website;
    public BigDecimal latitude;
    public BigDecimal longitude;

    /** The images shown, in order; loaded for a whole page of records at once. */
    @ElementCollection
    @CollectionTable(name = "city_images", joinColumns = @JoinColumn(name = "city_id"))
    @OrderColumn(name = "position")
    public List<ImageSlot> images = new ArrayList<>();

    /** Other names and spellings ("Weihei" for Weihai), found by search like the names. */
    @JdbcTypeCode(SqlTypes.JSON)
    public List<String> aliases = new ArrayList<>();

    String searchText;

    /** The folded names in every locale, the native name and the aliases, one per line, for {@code q}. */
    @PrePersist
    @PreUpdate
    void indexForSearch() {
        Stream<String> translatedNames = translations.values().stream().map(texts -> texts.get("name"));
        searchText = Stream.of(Stream.of(name, nativeName), translatedNames, aliases.stream())
                .flatMap(names -> names)
                .filter(Objects::nonNull)
                .map(SearchText::normalize)
                .distinct()
                .collect(Collectors.joining("\n"));
    }

    @Override
    public Publication publication() {
        publication = Publication.orEmpty(publication);
        return publication;
    }
}
