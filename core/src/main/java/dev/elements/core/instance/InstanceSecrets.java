package dev.elements.core.instance;

import static java.util.Objects.requireNonNull;

import dev.elements.core.oauth.TokenSet;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything secret about one instance, sealed as one value: the provider tokens, the secret
 * configuration values (such as {@code oauth.api.secret}) and, only where the operator turned on
 * element token read-back, the element token itself. Encoded in a small versioned binary form,
 * because core has no JSON library and the format must outlive any library choice.
 *
 * @param elementToken the instance's element token, or null: kept only for read-back, so that it
 *     shares the instance's sealing (bound to organization and instance) and its key rotation
 */
public record InstanceSecrets(TokenSet tokens, Map<String, String> secretConfiguration, String elementToken) {
    /** Version 1 had no element token; it is still read. */
    private static final byte FORMAT_VERSION_WITHOUT_ELEMENT_TOKEN = 1;
    private static final byte FORMAT_VERSION = 2;

    public InstanceSecrets {
        requireNonNull(tokens, "tokens");
        secretConfiguration = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(secretConfiguration));
    }

    /** Secrets without a kept element token. */
    public InstanceSecrets(TokenSet tokens, Map<String, String> secretConfiguration) {
        this(tokens, secretConfiguration, null);
    }

    public InstanceSecrets withTokens(TokenSet newTokens) {
        return new InstanceSecrets(newTokens, secretConfiguration, elementToken);
    }

    public InstanceSecrets withSecretConfiguration(Map<String, String> newSecretConfiguration) {
        return new InstanceSecrets(tokens, newSecretConfiguration, elementToken);
    }

    /** @param newElementToken the token to keep, or null to keep none */
    public InstanceSecrets withElementToken(String newElementToken) {
        return new InstanceSecrets(tokens, secretConfiguration, newElementToken);
    }

    public java.util.Optional<String> elementTokenIfKept() {
        return java.util.Optional.ofNullable(elementToken);
    }

    public byte[] encode() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(FORMAT_VERSION);
            out.writeUTF(tokens.accessToken());
            writeOptional(out, tokens.refreshToken());
            out.writeLong(tokens.expiresAt() == null ? Long.MIN_VALUE : tokens.expiresAt().toEpochMilli());
            out.writeInt(tokens.scopes().size());
            for (String scope : tokens.scopes()) {
                out.writeUTF(scope);
            }
            writeOptional(out, tokens.providerUserId());
            out.writeInt(secretConfiguration.size());
            for (Map.Entry<String, String> entry : secretConfiguration.entrySet()) {
                out.writeUTF(entry.getKey());
                out.writeUTF(entry.getValue());
            }
            writeOptional(out, elementToken);
        } catch (IOException e) {
            throw new UncheckedIOException("Writing to memory cannot fail", e);
        }
        return bytes.toByteArray();
    }

    public static InstanceSecrets decode(byte[] encoded) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(encoded))) {
            byte version = in.readByte();
            if (version != FORMAT_VERSION && version != FORMAT_VERSION_WITHOUT_ELEMENT_TOKEN) {
                throw new IllegalStateException("Unknown instance secrets format " + version);
            }
            String accessToken = in.readUTF();
            String refreshToken = readOptional(in);
            long expiresAtMillis = in.readLong();
            int scopeCount = in.readInt();
            List<String> scopes = new ArrayList<>(scopeCount);
            for (int i = 0; i < scopeCount; i++) {
                scopes.add(in.readUTF());
            }
            String providerUserId = readOptional(in);
            int configurationCount = in.readInt();
            Map<String, String> configuration = new LinkedHashMap<>();
            for (int i = 0; i < configurationCount; i++) {
                configuration.put(in.readUTF(), in.readUTF());
            }
            String elementToken = version == FORMAT_VERSION ? readOptional(in) : null;
            Instant expiresAt = expiresAtMillis == Long.MIN_VALUE ? null : Instant.ofEpochMilli(expiresAtMillis);
            return new InstanceSecrets(new TokenSet(accessToken, refreshToken, expiresAt, scopes, providerUserId),
                    configuration, elementToken);
        } catch (IOException e) {
            throw new IllegalStateException("Instance secrets are truncated or corrupt", e);
        }
    }

    private static void writeOptional(DataOutputStream out, String value) throws IOException {
        out.writeBoolean(value != null);
        if (value != null) {
            out.writeUTF(value);
        }
    }

    private static String readOptional(DataInputStream in) throws IOException {
        return in.readBoolean() ? in.readUTF() : null;
    }

    @Override
    public String toString() {
        return "InstanceSecrets[tokens=" + tokens + ", secretConfiguration=" + secretConfiguration.keySet()
                + ", elementTokenKept=" + (elementToken != null) + "]";
    }
}
