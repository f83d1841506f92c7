package dev.elements.http;

import java.net.URI;

/**
 * Where browsers reach this server: the operator's {@code ELEMENTS_PUBLIC_URL}, or else the address
 * it listens on, known only once it is bound (port 0 picks one). The connect pages' links and the
 * provider's callback are made from it.
 */
final class PublicUrl {
    private final URI configured;
    private volatile URI listening;

    /** @param configured the operator's address, or null for the listening one */
    PublicUrl(URI configured) {
        this.configured = configured;
    }

    /** Learns the listening address; a wildcard host is this machine to a browser on it. */
    void listeningOn(String host, int port) {
        String reachable = host.equals("0.0.0.0") || host.equals("::") || host.isEmpty() ? "localhost" : host;
        listening = URI.create("http://" + (reachable.contains(":") ? "[" + reachable + "]" : reachable) + ":" + port);
    }

    /** {@code path} (starting with a slash) under the public address. */
    URI resolve(String path) {
        URI base = configured != null ? configured : listening;
        if (base == null) {
            throw new IllegalStateException("The public URL is known once the server listens");
        }
        String root = base.toString();
        return URI.create((root.endsWith("/") ? root.substring(0, root.length() - 1) : root) + path);
    }
}
