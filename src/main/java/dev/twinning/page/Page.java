package dev.twinning.page;

import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;

import dev.twinning.agreement.Agreement;
import dev.twinning.common.audit.AuditedEntity;

/** A page of the public site, presenting some agreements in a chosen order. */
@Entity
@Table(name = "pages")
public class Page extends AuditedEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public String key;
    public String title;
    public String body;

    @ManyToMany
    @JoinTable(name = "page_agreements",
            joinColumns = @JoinColumn(name = "page_id"),
            inverseJoinColumns = @JoinColumn(name = "agreement_id"))
    @OrderColumn(name = "position")
    public List<Agreement> agreements = new ArrayList<>();

}
