package io.labgate.providers;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Where a provider's key may be sent. Never to link-local or cloud-metadata addresses: they answer the host's
 * own credentials to whoever asks, so a base URL pointing there would turn the gateway against its cluster. The
 * host named in a base URL is checked when a setting is saved; the address actually connected to is checked
 * before every request is sent ({@link ProviderHttp}), whatever a name resolves to by then. And a stored key
 * goes only to the provider and origin it was given for ({@link #sameDestination}).
 */
public final class ProviderDestination {

    /** Metadata services reached by name (GCP, AWS); all of them also sit on a forbidden address. */
    private static final Set<String> METADATA_NAMES = Set.of("metadata.google.internal", "metadata.goog", "metadata",
            "instance-data", "instance-data.ec2.internal");

    /** Metadata addresses outside the link-local ranges: Alibaba, Oracle, Azure's wire server, AWS over IPv6. */
    private static final Set<String> METADATA_ADDRESSES = Set.of("100.100.100.200", "192.0.0.192", "168.63.129.16",
            "fd00:ec2:0:0:0:0:0:254");

    /** An IPv4 address as resolvers also read it: 1–4 parts, each decimal, octal (0…) or hex (0x…). */
    private static final Pattern LOOSE_IPV4 = Pattern.compile("(0x[0-9a-f]*|[0-9]+)(\\.(0x[0-9a-f]*|[0-9]+)){0,3}");

    private ProviderDestination() {
    }

    /** Whether a base URL's host names a link-local or metadata address (a name or any literal form of one). */
    public static boolean forbiddenHost(String host) {
        String name = host.toLowerCase(Locale.ROOT);
        while (name.endsWith(".")) {
            name = name.substring(0, name.length() - 1);
        }
        if (METADATA_NAMES.contains(name) || name.endsWith(".metadata.google.internal")) {
            return true;
        }
        return literal(name).map(ProviderDestination::forbidden).orElse(false);
    }

    /** Whether a connection to this address must not carry a provider request. */
    public static boolean forbidden(InetAddress address) {
        byte[] a = address.getAddress();
        if (address instanceof Inet4Address) {
            return address.isLinkLocalAddress() || METADATA_ADDRESSES.contains(address.getHostAddress());
        }
        if (address instanceof Inet6Address) {
            if (address.isLinkLocalAddress() || METADATA_ADDRESSES.contains(address.getHostAddress())) {
                return true;
            }
            // IPv4 inside IPv6: compatible (::a.b.c.d) and NAT64 (64:ff9b::a.b.c.d); mapped ones arrive as IPv4.
            boolean compatible = Arrays.equals(Arrays.copyOf(a, 12), new byte[12]);
            boolean nat64 = a[0] == 0 && a[1] == 0x64 && (a[2] & 0xff) == 0xff && (a[3] & 0xff) == 0x9b
                    && Arrays.equals(Arrays.copyOfRange(a, 4, 12), new byte[8]);
            if (compatible || nat64) {
                try {
                    return forbidden(InetAddress.getByAddress(Arrays.copyOfRange(a, 12, 16)));
                } catch (UnknownHostException impossible) {
                    return false;
                }
            }
        }
        return false;
    }

    /** Whether an address given as text (a socket's peer) is forbidden; text that is no address is not. */
    public static boolean forbidden(String hostAddress) {
        return literal(hostAddress.toLowerCase(Locale.ROOT)).map(ProviderDestination::forbidden).orElse(false);
    }

    /**
     * Whether a key given for one provider and base URL may still be used after a change to the other two: only
     * for the same provider at the same origin (scheme, host and port; the path may change).
     */
    public static boolean sameDestination(Provider provider, String baseUrl, Provider newProvider, String newBaseUrl) {
        return provider == newProvider && origin(baseUrl).equals(origin(newBaseUrl));
    }

    private static String origin(String url) {
        URI uri = URI.create(url);
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        int port = uri.getPort() != -1 ? uri.getPort() : "https".equals(scheme) ? 443 : "http".equals(scheme) ? 80 : -1;
        String host = uri.getHost() == null ? String.valueOf(uri.getAuthority()) : uri.getHost();
        return scheme + "://" + host.toLowerCase(Locale.ROOT) + ":" + port;
    }

    /** The address a host written as an IP literal stands for; names are left to the connect-time check. */
    private static Optional<InetAddress> literal(String host) {
        try {
            if (host.startsWith("[") && host.endsWith("]")) {
                host = host.substring(1, host.length() - 1);
            }
            if (host.contains(":")) {
                // A zone (fe80::1%25eth0 in a URL) does not change the address's kind. In brackets the JDK reads
                // the rest as an IPv6 literal or fails; it never looks it up.
                int zone = host.indexOf('%');
                return Optional.of(InetAddress.getByName("[" + (zone < 0 ? host : host.substring(0, zone)) + "]"));
            }
            if (!LOOSE_IPV4.matcher(host).matches()) {
                return Optional.empty();
            }
            return ipv4(host.split("\\.")).map(bytes -> {
                try {
                    return InetAddress.getByAddress(bytes);
                } catch (UnknownHostException impossible) {
                    return null;
                }
            });
        } catch (UnknownHostException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** inet_aton's reading: the last part fills the bytes the earlier parts leave. */
    private static Optional<byte[]> ipv4(String[] parts) {
        long[] values = new long[parts.length];
        for (int i = 0; i < parts.length; i++) {
            String p = parts[i];
            values[i] = p.startsWith("0x") ? (p.length() == 2 ? 0 : Long.parseLong(p.substring(2), 16))
                    : p.length() > 1 && p.startsWith("0") ? Long.parseLong(p.substring(1), 8) : Long.parseLong(p);
        }
        long address = 0;
        for (int i = 0; i < values.length - 1; i++) {
            if (values[i] > 255) {
                return Optional.empty();
            }
            address = (address << 8) | values[i];
        }
        int lastBytes = 4 - (values.length - 1);
        long last = values[values.length - 1];
        if (last >= (1L << (8 * lastBytes))) {
            return Optional.empty();
        }
        address = (address << (8 * lastBytes)) | last;
        return Optional.of(new byte[]{(byte) (address >>> 24), (byte) (address >>> 16), (byte) (address >>> 8),
                (byte) address});
    }
}
