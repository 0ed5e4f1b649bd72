package org.disclosureetl.normalize;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Immutable phrase replacement table: leftmost, longest match, single pass (replaced text is
 * not scanned again).
 */
final class PhraseTable {

    private static final int BMP_SIZE = 0x10000;

    private record Rule(String from, String to) {
    }

    /** Rules indexed by the first UTF-16 unit of their left side, longest first; null when none. */
    private final Rule[][] byFirstChar;
    private final Map<String, String> rules;

    private PhraseTable(Map<String, String> rules) {
        this.rules = Map.copyOf(rules);
        Map<Character, List<Rule>> buckets = new LinkedHashMap<>();
        for (Map.Entry<String, String> entry : rules.entrySet()) {
            String from = entry.getKey();
            if (from.isEmpty() || Character.isLowSurrogate(from.charAt(0))) {
                throw new IllegalArgumentException("Invalid phrase rule: '" + from + "'");
            }
            buckets.computeIfAbsent(from.charAt(0), k -> new ArrayList<>()).add(new Rule(from, entry.getValue()));
        }
        this.byFirstChar = new Rule[BMP_SIZE][];
        for (Map.Entry<Character, List<Rule>> bucket : buckets.entrySet()) {
            List<Rule> list = bucket.getValue();
            list.sort(Comparator.comparingInt((Rule r) -> r.from().length()).reversed());
            byFirstChar[bucket.getKey()] = list.toArray(new Rule[0]);
        }
    }

    static PhraseTable of(Map<String, String> rules) {
        return new PhraseTable(rules);
    }

    /**
     * Loads "from TAB to" lines from a UTF-8 classpath resource; '#' lines and blank lines are
     * skipped. Duplicate left sides and malformed lines are errors.
     */
    static PhraseTable load(String resource) {
        ClassLoader loader = PhraseTable.class.getClassLoader();
        try (InputStream in = loader.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Missing classpath resource " + resource);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            Map<String, String> rules = new LinkedHashMap<>();
            String line;
            int lineNumber = 0;
            while ((line = reader.readLine()) != null) {
                lineNumber++;
                if (lineNumber == 1 && line.startsWith("\uFEFF")) {
                    line = line.substring(1);
                }
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] fields = line.split("\t", -1);
                if (fields.length != 2 || fields[0].isEmpty() || fields[1].isEmpty()) {
                    throw new IllegalStateException(resource + ":" + lineNumber + ": expected 'from<TAB>to': " + line);
                }
                if (rules.putIfAbsent(fields[0], fields[1]) != null) {
                    throw new IllegalStateException(resource + ":" + lineNumber + ": duplicate rule for " + fields[0]);
                }
            }
            return new PhraseTable(rules);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + resource, e);
        }
    }

    /** Applies the rules; returns {@code text} itself when no rule matches. */
    String apply(String text) {
        int length = text.length();
        StringBuilder out = null;
        int copiedUpTo = 0;
        int i = 0;
        while (i < length) {
            Rule[] candidates = byFirstChar[text.charAt(i)];
            Rule match = null;
            if (candidates != null) {
                for (Rule rule : candidates) {
                    if (text.startsWith(rule.from(), i)) {
                        match = rule;
                        break;
                    }
                }
            }
            if (match == null) {
                i++;
                continue;
            }
            if (out == null) {
                out = new StringBuilder(length + 16);
            }
            out.append(text, copiedUpTo, i).append(match.to());
            i += match.from().length();
            copiedUpTo = i;
        }
        if (out == null) {
            return text;
        }
        return out.append(text, copiedUpTo, length).toString();
    }

    /** @return the rules, unmodifiable */
    Map<String, String> rules() {
        return rules;
    }
}
