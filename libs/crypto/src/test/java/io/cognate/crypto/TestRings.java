package io.cognate.crypto;

import java.util.Arrays;
import java.util.List;

/** Key rings over fixed keys, so tests can seal under one key and open under another ring. */
final class TestRings {
    static final Kek OLD = kek(1);
    static final Kek NEW = kek(2);

    private TestRings() {
    }

    static Kek kek(int fill) {
        byte[] material = new byte[Kek.KEY_BYTES];
        Arrays.fill(material, (byte) fill);
        return Kek.of(material);
    }

    static Aead only(Kek kek) {
        return new Aead(new KeyRing(kek, List.of()));
    }

    static Aead rotated() {
        return new Aead(new KeyRing(NEW, List.of(OLD)));
    }
}
