package io.labgate.providers;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.InetAddress;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which hosts and peers a provider request may not go to, in every form a resolver accepts. */
class ProviderDestinationTest {

    @ParameterizedTest
    @ValueSource(strings = {"169.254.169.254", "2852039166", "0xa9fea9fe", "0251.0376.0251.0376", "169.254.43518",
            "0xa9.0xfe.0xa9.0xfe", "[fe80::1]", "[febf::1]", "[::ffff:a9fe:a9fe]", "[::169.254.169.254]",
            "[64:ff9b::169.254.169.254]", "100.100.100.200", "192.0.0.192", "168.63.129.16", "[fd00:ec2::254]",
            "metadata.google.internal", "Metadata.Google.Internal.", "metadata", "instance-data"})
    void forbiddenHosts(String host) {
        assertTrue(ProviderDestination.forbiddenHost(host), host);
    }

    @ParameterizedTest
    @ValueSource(strings = {"api.openai.com", "127.0.0.1", "localhost", "10.0.0.5", "vllm", "[::1]", "[fec0::1]",
            "169.253.255.255", "169.255.0.1", "metadata.example.org", "1e100.net", "[2001:db8::1]"})
    void allowedHosts(String host) {
        assertFalse(ProviderDestination.forbiddenHost(host), host);
    }

    @Test
    void peersAreCheckedByTheirAddress() throws Exception {
        assertTrue(ProviderDestination.forbidden("169.254.169.254"));
        assertTrue(ProviderDestination.forbidden("fe80:0:0:0:0:0:0:1%2"));
        assertTrue(ProviderDestination.forbidden(InetAddress.getByName("::ffff:169.254.1.1")));
        assertFalse(ProviderDestination.forbidden("127.0.0.1"));
        assertFalse(ProviderDestination.forbidden("0:0:0:0:0:0:0:1"));
    }

    @Test
    void aKeyStaysWithItsProviderAndOrigin() {
        assertTrue(ProviderDestination.sameDestination(Provider.OPENAI, "https://api.openai.com/v1",
                Provider.OPENAI, "HTTPS://API.OPENAI.COM:443/v2"));
        assertFalse(ProviderDestination.sameDestination(Provider.OPENAI, "https://api.openai.com/v1",
                Provider.OPENAI, "https://api.openai.com.evil.example/v1"));
        assertFalse(ProviderDestination.sameDestination(Provider.OPENAI, "https://api.openai.com/v1",
                Provider.OPENAI, "http://api.openai.com/v1"));
        assertFalse(ProviderDestination.sameDestination(Provider.OPENAI, "http://vllm:8000/v1",
                Provider.OPENAI, "http://vllm:8001/v1"));
        assertFalse(ProviderDestination.sameDestination(Provider.OPENAI, "https://api.openai.com/v1",
                Provider.OPENAI_COMPATIBLE, "https://api.openai.com/v1"));
    }
}
