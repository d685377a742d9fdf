package io.cognate.crypto;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The deployment's key-encryption keys: the current one (config {@code cognate.kek}, env {@code COGNATE_KEK}) seals
 * everything new; previous ones ({@code cognate.previous-keks}, comma-separated) still open what they sealed until
 * the stored values are re-wrapped under the current key. Rotation: make a new key current, keep the old one as
 * previous, re-wrap, then drop it.
 */
public final class KeyRing {
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Kek current;
    private final Map<Integer, Kek> byId;

    public KeyRing(Kek current, List<Kek> previous) {
        this.current = current;
        Map<Integer, Kek> keys = new LinkedHashMap<>();
        keys.put(current.id(), current);
        for (Kek kek : previous) {
            if (keys.putIfAbsent(kek.id(), kek) != null && kek != current) {
                throw new IllegalStateException("cognate.previous-keks names key " + kek.idHex()
                        + " twice, or the current key again");
            }
        }
        this.byId = Map.copyOf(keys);
    }

    /**
     * Parses the configured keys; the messages name the setting and never echo a key.
     *
     * @param current base64 of 32 random bytes
     * @param previous base64 keys, comma-separated; null or blank for none
     */
    public static KeyRing fromBase64(String current, String previous) {
        List<Kek> older = new ArrayList<>();
        if (previous != null) {
            for (String key : previous.split(",")) {
                if (!key.isBlank()) {
                    older.add(parse(key, "cognate.previous-keks (env COGNATE_PREVIOUS_KEKS)"));
                }
            }
        }
        return new KeyRing(parse(current, "cognate.kek (env COGNATE_KEK)"), older);
    }

    private static Kek parse(String configured, String setting) {
        if (configured == null || configured.isBlank()) {
            throw new IllegalStateException(setting + " is not set: give it the base64 encoding of 32 random bytes, "
                    + "e.g. the output of `openssl rand -base64 32`");
        }
        byte[] decoded;
        try {
            decoded = Base64.getDecoder().decode(configured.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(setting + " is not valid base64");
        }
        if (decoded.length != Kek.KEY_BYTES) {
            throw new IllegalStateException(setting + " must decode to 32 bytes, got " + decoded.length);
        }
        return Kek.of(decoded);
    }

    public Kek current() {
        return current;
    }

    public Optional<Kek> find(int id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** Every key, the current one first: what a value of unknown origin is tried with. */
    public List<Kek> all() {
        List<Kek> keys = new ArrayList<>();
        keys.add(current);
        byId.values().stream().filter(k -> k != current).forEach(keys::add);
        return keys;
    }

    public static byte[] randomBytes(int n) {
        byte[] bytes = new byte[n];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    @Override
    public String toString() {
        return "KeyRing[current " + current.idHex() + ", " + (byId.size() - 1) + " previous]";
    }
}
