package dev.twinning.user;

import java.util.Optional;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import dev.twinning.database.DatabaseReady;

/**
 * Creates the first admin at start-up from TWINNING_ADMIN_USERNAME and TWINNING_ADMIN_PASSWORD when both
 * are set. There is no default account: without them nobody can write until an admin exists.
 */
@Singleton
public class FirstAdmin {

    private static final Logger LOG = Logger.getLogger(FirstAdmin.class);

    private final UserService users;
    private final Validator validator;
    private final Optional<String> username;
    private final Optional<String> password;

    public FirstAdmin(UserService users, Validator validator,
            @ConfigProperty(name = "twinning.admin.username") Optional<String> username,
            @ConfigProperty(name = "twinning.admin.password") Optional<String> password) {
        this.users = users;
        this.validator = validator;
        this.username = username;
        this.password = password;
    }

    void onStart(@Observes DatabaseReady event) {
        if (username.isEmpty() || password.isEmpty()) {
            LOG.info("No first admin configured (TWINNING_ADMIN_USERNAME / TWINNING_ADMIN_PASSWORD)");
            return;
        }
        if (NewUser.isReserved(username.get())) {
            LOG.errorf("TWINNING_ADMIN_USERNAME '%s' is reserved for work done without a user; no first admin created."
                    + " Choose another name", username.get());
            return;
        }
        NewUser admin = new NewUser(username.get(), password.get(), Role.ADMIN);
        for (ConstraintViolation<NewUser> violation : validator.validate(admin)) {
            throw new IllegalStateException("TWINNING_ADMIN_" + violation.getPropertyPath().toString().toUpperCase()
                    + " " + violation.getMessage());
        }
        boolean created = users.createAdminIfAbsent(username.get(), password.get());
        LOG.infof(created ? "Created the first admin '%s'" : "User '%s' exists already; left unchanged", username.get());
    }
}
