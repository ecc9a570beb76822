package org.metergate.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;
import java.util.List;
import java.util.Locale;

/** Asserts that text or bytes hold no piece of a secret: no window of 8 characters or bytes of it. */
public final class LeakCheck {

    static final int WINDOW = 8;

    private LeakCheck() {
    }

    public static void assertNoSecret(String text, List<String> secretsHex) {
        for (String hex : secretsHex) {
            byte[] bytes = TestKeys.bytes(hex);
            for (String form : List.of(hex.toUpperCase(Locale.ROOT), hex.toLowerCase(Locale.ROOT),
                    Base64.getEncoder().encodeToString(bytes), Base64.getUrlEncoder().encodeToString(bytes))) {
                for (int i = 0; i + WINDOW <= form.length(); i++) {
                    String piece = form.substring(i, i + WINDOW);
                    assertThat(text).as("output must not contain a piece of a secret (%s...)", piece.substring(0, 2))
                            .doesNotContain(piece);
                }
            }
        }
    }

    public static void assertNoSecret(byte[] content, List<String> secretsHex) {
        for (String hex : secretsHex) {
            byte[] bytes = TestKeys.bytes(hex);
            for (int i = 0; i + WINDOW <= bytes.length; i++) {
                assertThat(indexOf(content, bytes, i)).as("bytes must not contain a piece of a key").isEqualTo(-1);
            }
        }
    }

    private static int indexOf(byte[] content, byte[] secret, int from) {
        outer:
        for (int p = 0; p + WINDOW <= content.length; p++) {
            for (int j = 0; j < WINDOW; j++) {
                if (content[p + j] != secret[from + j]) {
                    continue outer;
                }
            }
            return p;
        }
        return -1;
    }
}
