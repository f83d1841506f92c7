package dev.elements.core.service;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Optional;

/**
 * Which event callback addresses the platform calls. An application names its callback, and the
 * platform then POSTs to it from inside the operator's network; an operator who forbids private
 * callbacks keeps applications from reaching loopback, private, link-local (cloud metadata) and
 * carrier-grade NAT addresses that way. A name is judged by every address it resolves to, when it
 * is set and again before each delivery, because its records may change in between. (The HTTP
 * client resolves the name once more when it connects; the window in between is accepted.)
 */
final class CallbackAddresses {
    /** Why a refused address is refused, in words that name no address and no secret. */
    static final String NOT_ALLOWED = "callback address not allowed";

    private final boolean allowPrivate;

    /** @param allowPrivate whether loopback and private addresses are called like any other */
    CallbackAddresses(boolean allowPrivate) {
        this.allowPrivate = allowPrivate;
    }

    /**
     * What is wrong with calling {@code url}, or empty when it may be called. A host that does not
     * resolve is not refused here: the attempt to call it fails on its own.
     */
    Optional<String> problemWith(String url) {
        if (allowPrivate) {
            return Optional.empty();
        }
        String host;
        try {
            host = URI.create(url).getHost();
        } catch (IllegalArgumentException notAUri) {
            return Optional.of("is not a URL");
        }
        if (host == null || host.isEmpty()) {
            return Optional.of("names no host");
        }
        try {
            boolean anyPrivate = Arrays.stream(InetAddress.getAllByName(host)).anyMatch(CallbackAddresses::isPrivate);
            return anyPrivate
                    ? Optional.of("names a loopback or private address, which this platform is set not to call")
                    : Optional.empty();
        } catch (UnknownHostException unresolved) {
            return Optional.empty();
        }
    }

    static boolean isPrivate(InetAddress address) {
        if (address.isLoopbackAddress() || address.isAnyLocalAddress() || address.isSiteLocalAddress()
                || address.isLinkLocalAddress() || address.isMulticastAddress()) {
            return true;
        }
        byte[] bytes = address.getAddress();
        if (address instanceof Inet4Address) {
            int first = bytes[0] & 0xff;
            int second = bytes[1] & 0xff;
            // 0.0.0.0/8 reaches this host on Linux; 100.64.0.0/10 is carrier-grade NAT (RFC 6598).
            return first == 0 || (first == 100 && (second & 0xc0) == 64);
        }
        if (address instanceof Inet6Address) {
            if ((bytes[0] & 0xfe) == 0xfc) {
                return true; // fc00::/7, unique local (RFC 4193)
            }
            // ::a.b.c.d and ::ffff:a.b.c.d carry an IPv4 address (the JDK turns most mapped forms into IPv4 itself).
            boolean zeroPrefix = Arrays.equals(bytes, 0, 10, new byte[10], 0, 10);
            boolean mapped = zeroPrefix && ((bytes[10] == 0 && bytes[11] == 0) || (bytes[10] == -1 && bytes[11] == -1));
            if (mapped) {
                try {
                    return isPrivate(InetAddress.getByAddress(Arrays.copyOfRange(bytes, 12, 16)));
                } catch (UnknownHostException impossible) {
                    return true;
                }
            }
        }
        return false;
    }
}
