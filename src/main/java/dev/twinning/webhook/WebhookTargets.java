package dev.twinning.webhook;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import dev.twinning.common.error.InvalidInputException;

/**
 * Where deliveries may go: {@code http} and {@code https} URLs whose host resolves to public addresses only.
 * Loopback, private, link-local, multicast and unspecified addresses are refused (server-side request forgery)
 * unless {@code TWINNING_WEBHOOK_ALLOW_PRIVATE_TARGETS=true}; the check is made at registration and again before
 * every attempt, which then connects to the very address checked.
 */
@ApplicationScoped
public class WebhookTargets {

    /** A target that may not be called now, with the reason. */
    public static class Refused extends Exception {

        Refused(String message) {
            super(message);
        }
    }

    /** The address an attempt connects to, and the URL's parts it sends as Host, path and TLS server name. */
    record Target(InetAddress address, String host, int port, boolean https, String path) {
    }

    static final int MAX_URL_LENGTH = 2000;
    private static final String ALLOW = "TWINNING_WEBHOOK_ALLOW_PRIVATE_TARGETS";

    private final boolean allowPrivate;

    public WebhookTargets(@ConfigProperty(name = "twinning.webhook.allow-private-targets") boolean allowPrivate) {
        this.allowPrivate = allowPrivate;
    }

    /** Checks a URL to register, answering it normalised, or a 400 naming {@code url}. */
    String checkForRegistration(String url) {
        URI uri = parse(url);
        try {
            resolve(uri);
        } catch (Refused e) {
            throw new InvalidInputException("url", e.getMessage());
        }
        return uri.toString();
    }

    /** Resolves a registered URL again for an attempt, refusing it if it now points somewhere it may not. */
    Target resolve(String url) throws Refused {
        URI uri;
        try {
            uri = parse(url);
        } catch (InvalidInputException e) {
            throw new Refused("the URL is not usable: " + e.getMessage());
        }
        return resolve(uri);
    }

    private Target resolve(URI uri) throws Refused {
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(uri.getHost());
        } catch (UnknownHostException e) {
            throw new Refused("its host " + uri.getHost() + " does not resolve");
        }
        if (!allowPrivate) {
            for (InetAddress address : addresses) {
                String kind = forbidden(address);
                if (kind != null) {
                    throw new Refused("its host " + uri.getHost() + " resolves to " + address.getHostAddress() + ", a "
                            + kind + " address; such targets are refused unless " + ALLOW + "=true");
                }
            }
        }
        boolean https = uri.getScheme().equals("https");
        int port = uri.getPort() != -1 ? uri.getPort() : https ? 443 : 80;
        String path = (uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath())
                + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        return new Target(addresses[0], uri.getHost(), port, https, path);
    }

    private static URI parse(String url) {
        if (url == null || url.isBlank()) {
            throw new InvalidInputException("url", "is required: the http or https URL to deliver to");
        }
        if (url.length() > MAX_URL_LENGTH) {
            throw new InvalidInputException("url", "must be at most " + MAX_URL_LENGTH + " characters");
        }
        URI uri;
        try {
            uri = new URI(url.trim());
        } catch (URISyntaxException e) {
            throw new InvalidInputException("url", "is not a valid URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new InvalidInputException("url", "must be an http or https URL");
        }
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            throw new InvalidInputException("url", "must name a host");
        }
        if (uri.getRawUserInfo() != null) {
            throw new InvalidInputException("url", "must not carry a user name or password; deliveries are signed instead");
        }
        if (uri.getRawFragment() != null) {
            throw new InvalidInputException("url", "must not have a #fragment");
        }
        if (uri.getPort() != -1 && (uri.getPort() < 1 || uri.getPort() > 65535)) {
            throw new InvalidInputException("url", "must have a port between 1 and 65535");
        }
        // the path and query as written: a token's escapes (%26, %2B) must reach the receiver unchanged
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        return URI.create(scheme + "://" + uri.getRawAuthority() + path
                + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()));
    }

    /** What kind of address may not be called, or null for a public one. */
    static String forbidden(InetAddress address) {
        if (address.isAnyLocalAddress()) {
            return "unspecified";
        }
        if (address.isLoopbackAddress()) {
            return "loopback";
        }
        if (address.isLinkLocalAddress()) {
            return "link-local";
        }
        if (address.isMulticastAddress()) {
            return "multicast";
        }
        if (address.isSiteLocalAddress()) {
            return "private";
        }
        byte[] bytes = address.getAddress();
        if (address instanceof Inet4Address) {
            int first = bytes[0] & 0xff;
            int second = bytes[1] & 0xff;
            if (first == 0) {
                return "unspecified";
            }
            if (first == 100 && (second & 0xc0) == 64) {
                return "private"; // 100.64.0.0/10, shared address space (carrier-grade NAT)
            }
            if (first == 255) {
                return "broadcast";
            }
            return null;
        }
        if (address instanceof Inet6Address) {
            if ((bytes[0] & 0xfe) == 0xfc) {
                return "private"; // fc00::/7, unique local
            }
            if ((bytes[0] & 0xff) == 0x20 && bytes[1] == 0x01 && bytes[2] == 0 && bytes[3] == 0) {
                return "tunnelled (Teredo)"; // 2001::/32: the IPv4 address it reaches is hidden in it
            }
            int embedded = embeddedIpv4(bytes);
            if (embedded >= 0) {
                try {
                    return forbidden(InetAddress.getByAddress(new byte[]{bytes[embedded], bytes[embedded + 1],
                            bytes[embedded + 2], bytes[embedded + 3]}));
                } catch (UnknownHostException e) {
                    return "unspecified";
                }
            }
        }
        return null;
    }

    /**
     * Where an IPv6 address that stands for an IPv4 one carries it: 64:ff9b::/96 (NAT64), ::/96
     * (IPv4-compatible) and ::ffff:0:0/96 (SIIT) at byte 12, 2002::/16 (6to4) at byte 2; -1 for other addresses.
     * (::ffff:a.b.c.d itself arrives as an IPv4 address.)
     */
    private static int embeddedIpv4(byte[] bytes) {
        if ((bytes[0] & 0xff) == 0x20 && bytes[1] == 0x02) {
            return 2;
        }
        boolean nat64 = bytes[0] == 0 && bytes[1] == 0x64 && (bytes[2] & 0xff) == 0xff && (bytes[3] & 0xff) == 0x9b;
        boolean zeroPrefix = bytes[0] == 0 && bytes[1] == 0 && bytes[2] == 0 && bytes[3] == 0;
        if (!nat64 && !zeroPrefix) {
            return -1;
        }
        for (int i = 4; i < 8; i++) {
            if (bytes[i] != 0) {
                return -1;
            }
        }
        boolean zeros = bytes[8] == 0 && bytes[9] == 0 && bytes[10] == 0 && bytes[11] == 0;
        boolean siit = (bytes[8] & 0xff) == 0xff && (bytes[9] & 0xff) == 0xff && bytes[10] == 0 && bytes[11] == 0;
        return zeros || (siit && zeroPrefix) ? 12 : -1;
    }
}
