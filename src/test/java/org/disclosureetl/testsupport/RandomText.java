package org.disclosureetl.testsupport;

import java.util.Random;

/** Random texts over a small alphabet, for tests that hold a hand-written check to the regex it replaced. */
public final class RandomText {

    private RandomText() {
    }

    /** A text of 0 to {@code maxLength} characters drawn from {@code alphabet}. */
    public static String of(Random random, int maxLength, String alphabet) {
        StringBuilder text = new StringBuilder();
        int length = random.nextInt(maxLength + 1);
        for (int i = 0; i < length; i++) {
            text.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return text.toString();
    }
}
