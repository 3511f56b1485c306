package dev.twinning.user;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepository;

import dev.twinning.common.paging.Sorting;

@ApplicationScoped
public class UserRepository implements PanacheRepository<User> {

    static final Map<String, String> SORT_FIELDS = Map.of("username", "u.username", "role", "u.role", "createdAt",
            "u.createdAt");

    public List<User> listPage(String sort, int page, int size) {
        return find("select u from User u" + Sorting.orderBy(sort, "username", SORT_FIELDS, "u.id")).page(page, size).list();
    }

    public Optional<User> findByUsername(String username) {
        return find("lower(username) = lower(?1)", username).firstResultOptional();
    }

    /** Serialises first-admin creation across instances and admin demotions against each other. */
    public void lockAgainstConcurrentChanges() {
        getEntityManager().createNativeQuery("lock table users in share row exclusive mode").executeUpdate();
    }

    public long countEnabledAdmins() {
        return count("role = ?1 and enabled = true", Role.ADMIN);
    }
}
