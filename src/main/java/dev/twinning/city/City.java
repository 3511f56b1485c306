package dev.twinning.city;

import java.math.BigDecimal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.PrePersist;
import jakarta.persistence.PreUpdate;
import jakarta.persistence.Table;

import dev.twinning.common.audit.AuditedEntity;

/** A city: the home city or a partner city abroad. */
@Entity
@Table(name = "cities")
public class City extends AuditedEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

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

    String searchText;

    @PrePersist
    @PreUpdate
    void indexForSearch() {
        searchText = SearchText.normalize(name + " " + (nativeName == null ? "" : nativeName));
    }
}
