package dev.twinning.user;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.jwk.RsaJwkGenerator;
import org.jose4j.lang.JoseException;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * A stand-in for the city's identity provider: an OpenID Connect discovery document and a JWKS with one RSA key,
 * served from a local HTTP server. The private key goes to the tests through configuration
 * ({@code test.oidc.private-jwk}) so that they can sign tokens it would have issued.
 */
public class OidcIssuer implements QuarkusTestResourceLifecycleManager {

    static final String KEY_ID = "city-idp-key";
    static final String AUDIENCE = "twinning-api";

    private HttpServer server;

    @Override
    public Map<String, String> start() {
        try {
            RsaJsonWebKey key = RsaJwkGenerator.generateJwk(2048);
            key.setKeyId(KEY_ID);
            key.setAlgorithm("RS256");
            key.setUse("sig");
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            String issuer = "http://127.0.0.1:" + server.getAddress().getPort() + "/realms/city";
            String discovery = """
                    {"issuer":"%1$s","jwks_uri":"%1$s/certs","authorization_endpoint":"%1$s/auth",
                     "token_endpoint":"%1$s/token","id_token_signing_alg_values_supported":["RS256"]}"""
                    .formatted(issuer);
            String jwks = new JsonWebKeySet(key).toJson(JsonWebKey.OutputControlLevel.PUBLIC_ONLY);
            server.createContext("/realms/city/.well-known/openid-configuration", exchange -> send(exchange, discovery));
            server.createContext("/realms/city/certs", exchange -> send(exchange, jwks));
            server.start();
            return Map.of("twinning.oidc.issuer", issuer,
                    "twinning.oidc.audience", AUDIENCE,
                    "test.oidc.private-jwk", key.toJson(JsonWebKey.OutputControlLevel.INCLUDE_PRIVATE));
        } catch (IOException | JoseException e) {
            throw new IllegalStateException("Could not start the test identity provider", e);
        }
    }

    private static void send(HttpExchange exchange, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }
}
