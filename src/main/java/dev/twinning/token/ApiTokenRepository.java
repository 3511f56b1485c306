package dev.twinning.token;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import dev.twinning.common.query.SqlValues;
import dev.twinning.user.Role;
import dev.twinning.user.Scope;

/** API tokens in table {@code api_tokens}, with their owners' names. */
@ApplicationScoped
public class ApiTokenRepository {

    private static final String COLUMNS = """
            t.id, t.name, u.username, t.scopes, t.prefix, t.created_at, t.expires_at, t.last_used_at""";

    /** The owner's tokens, or everyone's when {@code :username} is null. */
    private static final String OWNED_BY = """
            (cast(:username as varchar) is null or lower(u.username) = lower(cast(:username as varchar)))""";

    private final EntityManager entityManager;

    public ApiTokenRepository(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** The owner of a token in use: the token must be unexpired and its owner enabled. */
    public record Holder(long tokenId, String username, Role role, List<Scope> scopes) {
    }

    /**
     * The holder of the token with this hash, in one statement that also notes the use (at most once a minute,
     * so that a busy script does not write on every request).
     */
    @Transactional
    public Optional<Holder> use(byte[] secretHash) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("""
                with found as (
                    select t.id, u.username, u.role, t.scopes, t.last_used_at
                    from api_tokens t join users u on u.id = t.user_id
                    where t.secret_hash = :hash and t.expires_at > now() and u.enabled),
                noted as (
                    update api_tokens t set last_used_at = now() from found f
                    where t.id = f.id and (f.last_used_at is null or f.last_used_at < now() - interval '1 minute'))
                select id, username, role, scopes from found""")
                .setParameter("hash", secretHash)
                .getResultList();
        return rows.stream().findFirst().map(row -> new Holder(((Number) row[0]).longValue(), (String) row[1],
                Role.valueOf((String) row[2]), scopes(row[3])));
    }

    public ApiTokenResponse insert(String username, String name, String prefix, byte[] secretHash, List<Scope> scopes,
            Instant expiresAt) {
        Object[] row = (Object[]) entityManager.createNativeQuery("""
                with created as (
                    insert into api_tokens (user_id, name, prefix, secret_hash, scopes, expires_at)
                    select id, :name, :prefix, :hash, cast(:scopes as varchar[]), :expiresAt from users
                    where lower(username) = lower(:username)
                    returning *)
                select %s from created t join users u on u.id = t.user_id""".formatted(COLUMNS))
                .setParameter("name", name)
                .setParameter("prefix", prefix)
                .setParameter("hash", secretHash)
                .setParameter("scopes", scopes.stream().map(Scope::value).toArray(String[]::new))
                .setParameter("expiresAt", expiresAt)
                .setParameter("username", username)
                .getSingleResult();
        return response(row);
    }

    /** One page, newest first: the user's own tokens, or everyone's when {@code username} is null. */
    public List<ApiTokenResponse> list(String username, int page, int size) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("""
                select %s from api_tokens t join users u on u.id = t.user_id
                where %s
                order by t.id desc offset :offset limit :limit""".formatted(COLUMNS, OWNED_BY))
                .setParameter("username", username)
                .setParameter("offset", (long) page * size)
                .setParameter("limit", size)
                .getResultList();
        return rows.stream().map(ApiTokenRepository::response).toList();
    }

    public long count(String username) {
        return ((Number) entityManager.createNativeQuery("""
                select count(*) from api_tokens t join users u on u.id = t.user_id
                where %s""".formatted(OWNED_BY))
                .setParameter("username", username)
                .getSingleResult()).longValue();
    }

    /** Deletes a token of the user (of anyone's when {@code username} is null); whether there was one. */
    public boolean delete(long id, String username) {
        return entityManager.createNativeQuery("""
                delete from api_tokens t using users u
                where t.id = :id and u.id = t.user_id and %s""".formatted(OWNED_BY))
                .setParameter("id", id)
                .setParameter("username", username)
                .executeUpdate() > 0;
    }

    private static ApiTokenResponse response(Object[] row) {
        return new ApiTokenResponse(((Number) row[0]).longValue(), (String) row[1], (String) row[2], scopes(row[3]),
                (String) row[4], SqlValues.instant(row[5]), SqlValues.instant(row[6]), SqlValues.instant(row[7]), null);
    }

    private static List<Scope> scopes(Object array) {
        return Arrays.stream((Object[]) array).map(value -> Scope.fromValue((String) value)).toList();
    }
}
