package dev.twinning.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.UnknownHostException;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which addresses deliveries may not go to, address by address. */
class WebhookTargetsTest {

    @ParameterizedTest
    @CsvSource({"127.0.0.1, loopback", "127.255.0.9, loopback", "::1, loopback", "0.0.0.0, unspecified",
            "0.1.2.3, unspecified", ":: , unspecified", "10.0.0.1, private", "172.31.255.255, private",
            "192.168.0.1, private", "100.64.0.1, private", "100.127.255.255, private", "fc00::1, private",
            "fd12:3456::1, private", "169.254.169.254, link-local", "fe80::1, link-local", "224.0.0.251, multicast",
            "ff02::1, multicast", "255.255.255.255, broadcast", "64:ff9b::7f00:1, loopback", "64:ff9b::a00:1, private",
            "::7f00:1, loopback", "::ffff:0:7f00:1, loopback", "::ffff:0:a9fe:a9fe, link-local", "2002:7f00:1::1, loopback",
            "2002:c0a8:101::1, private", "2001:0:4136:e378:8000:63bf:3fff:fdd2, tunnelled (Teredo)"})
    void refused(String address, String kind) throws UnknownHostException {
        assertThat(WebhookTargets.forbidden(InetAddress.getByName(address))).isEqualTo(kind);
    }

    @ParameterizedTest
    @CsvSource({"93.184.215.14", "8.8.8.8", "100.63.255.255", "100.128.0.1", "172.32.0.1", "2606:4700::6810:85e5",
            "64:ff9b::808:808", "2002:808:808::1", "2001:db8::1", "2001:4860:4860::8888"})
    void allowed(String address) throws UnknownHostException {
        assertThat(WebhookTargets.forbidden(InetAddress.getByName(address))).isNull();
    }
}
