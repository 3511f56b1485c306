package dev.twinning.user;

import java.nio.charset.StandardCharsets;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.quarkus.elytron.security.common.BcryptUtil;

import dev.twinning.audit.AuditLog;
import dev.twinning.common.error.ConflictException;
import dev.twinning.common.error.InvalidInputException;
import dev.twinning.common.error.ResourceNotFoundException;
import dev.twinning.common.etag.EntityTags;
import dev.twinning.common.etag.IfMatch;
import dev.twinning.common.paging.Paged;
import dev.twinning.common.query.Ids;

@ApplicationScoped
public class UserService {

    /** The users' collection in the audit log. */
    static final String COLLECTION = "users";

    private final UserRepository users;
    private final AuditLog audit;
    private final EntityTags entityTags;

    public UserService(UserRepository users, AuditLog audit, EntityTags entityTags) {
        this.users = users;
        this.audit = audit;
        this.entityTags = entityTags;
    }

    public Paged<UserResponse> list(UserQuery query) {
        query.validate();
        int page = query.pageNumber();
        int size = query.pageSize();
        List<UserResponse> items = users.listPage(query.sort(), page, size).stream().map(UserResponse::from).toList();
        return Paged.of(items, page, size, users::count);
    }

    public UserResponse get(String id) {
        return UserResponse.from(find(id));
    }

    @Transactional
    public UserResponse create(NewUser request) {
        if (NewUser.isReserved(request.username())) {
            throw new InvalidInputException("username", NewUser.RESERVED_MESSAGE);
        }
        requireBcryptLength(request.password());
        if (users.findByUsername(request.username()).isPresent()) {
            throw new ConflictException("A user named '" + request.username() + "' already exists");
        }
        User user = new User();
        user.username = request.username();
        user.passwordHash = BcryptUtil.bcryptHash(request.password());
        user.role = request.role();
        users.persist(user);
        users.flush();
        audit.record("CREATE", COLLECTION, user.id, null);
        return UserResponse.from(user);
    }

    @Transactional
    public UserResponse change(String id, UserChange change, IfMatch ifMatch) {
        User user = find(id);
        ifMatch.check(entityTags.of(UserResponse.from(user)));
        if (user.source == User.Source.SSO && (change.role() != null || change.password() != null)) {
            throw new InvalidInputException(change.role() != null ? "role" : "password",
                    "a single sign-on user's role comes from the identity provider, and it has no password here");
        }
        boolean losesAdmin = user.role == Role.ADMIN && user.enabled
                && ((change.role() != null && change.role() != Role.ADMIN) || Boolean.FALSE.equals(change.enabled()));
        if (losesAdmin) {
            requireAnotherEnabledAdmin(user);
        }
        if (change.role() != null) {
            user.role = change.role();
        }
        if (change.enabled() != null) {
            user.enabled = change.enabled();
        }
        if (change.password() != null) {
            requireBcryptLength(change.password());
            user.passwordHash = BcryptUtil.bcryptHash(change.password());
        }
        users.flush();
        audit.record("UPDATE", COLLECTION, user.id, null);
        return UserResponse.from(user);
    }

    /** Deletes an account; its name stays in the audit log and on what it created. The last enabled admin stays. */
    @Transactional
    public void delete(String id, IfMatch ifMatch) {
        User user = find(id);
        ifMatch.check(entityTags.of(UserResponse.from(user)));
        if (user.role == Role.ADMIN && user.enabled) {
            requireAnotherEnabledAdmin(user);
        }
        users.delete(user);
        users.flush();
        audit.record("DELETE", COLLECTION, user.id, null);
    }

    /** Creates the first admin from configuration unless a user of that name exists (which is left as it is). */
    @Transactional
    public boolean createAdminIfAbsent(String username, String password) {
        users.lockAgainstConcurrentChanges();
        if (users.findByUsername(username).isPresent()) {
            return false;
        }
        create(new NewUser(username, password, Role.ADMIN));
        return true;
    }

    private void requireAnotherEnabledAdmin(User user) {
        users.lockAgainstConcurrentChanges();
        if (users.countEnabledAdmins() <= 1) {
            throw new ConflictException("'" + user.username + "' is the last enabled admin; make another admin first");
        }
    }

    /** bcrypt reads only the first 72 bytes; a longer password would not be what it seems. */
    private static void requireBcryptLength(String password) {
        if (password.getBytes(StandardCharsets.UTF_8).length > 72) {
            throw new InvalidInputException("password", "must be at most 72 bytes in UTF-8 (fewer characters outside ASCII)");
        }
    }

    private User find(String id) {
        return Ids.parse(id).flatMap(users::findByIdOptional).orElseThrow(() -> new ResourceNotFoundException("user", id));
    }
}
