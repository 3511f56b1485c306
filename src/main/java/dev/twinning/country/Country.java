package dev.twinning.country;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** An ISO 3166-1 alpha-2 country; reference data loaded by the schema migration. */
@Entity
@Table(name = "countries")
public class Country {

    @Id
    public String code;

    public String name;
}
