package dev.twinning.webhook;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepository;

@ApplicationScoped
public class WebhookRepository implements PanacheRepository<Webhook> {

    public List<Webhook> listNewestFirst(int page, int size) {
        return find("order by id desc").page(page, size).list();
    }
}
