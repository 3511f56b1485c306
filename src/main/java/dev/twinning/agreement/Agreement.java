package dev.twinning.agreement;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;

import org.hibernate.annotations.SQLRestriction;

import dev.twinning.city.City;
import dev.twinning.common.audit.AuditedEntity;
import dev.twinning.content.Publication;
import dev.twinning.content.Publishable;
import dev.twinning.signatory.Signatory;

/** A sister- or friendship-city agreement between the home city and a partner city. */
@Entity
@Table(name = "agreements")
@SQLRestriction("deleted_at is null")
public class Agreement extends AuditedEntity implements Publishable {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    /** Published or not, scheduled, trashed: kept by the workflow. */
    @Embedded
    public Publication publication = new Publication();

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "home_city_id")
    public City homeCity;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "partner_city_id")
    public City partnerCity;

    @Enumerated(EnumType.STRING)
    public AgreementType type;

    @Enumerated(EnumType.STRING)
    public AgreementStatus status = AgreementStatus.ACTIVE;

    public LocalDate establishedOn;
    public String notes;

    /** The partner city's country, copied by a database trigger so that lists filter on an index; read-only here. */
    @Column(insertable = false, updatable = false)
    public String partnerCountry;

    @ManyToMany
    @JoinTable(name = "agreement_signatories",
            joinColumns = @JoinColumn(name = "agreement_id"),
            inverseJoinColumns = @JoinColumn(name = "signatory_id"))
    @OrderColumn(name = "position")
    public List<Signatory> signatories = new ArrayList<>();

    @Override
    public Publication publication() {
        publication = Publication.orEmpty(publication);
        return publication;
    }
}
