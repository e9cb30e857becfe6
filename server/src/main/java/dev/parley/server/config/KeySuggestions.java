package dev.parley.server.config;

import java.util.Collection;
import java.util.Comparator;
import java.util.Locale;
import java.util.Optional;

/** Finds the allowed key an unknown key was probably meant to be: same words in another case style, or a typo. */
final class KeySuggestions {
    private KeySuggestions() {
    }

    static Optional<String> closest(String key, Collection<String> allowed) {
        String kebab = toKebab(key);
        Optional<String> sameWords = allowed.stream().filter(kebab::equals).findFirst();
        if (sameWords.isPresent()) {
            return sameWords;
        }
        int tolerance = Math.max(2, kebab.length() / 4);
        return allowed.stream()
                .filter(candidate -> distance(kebab, candidate) <= tolerance)
                .min(Comparator.comparingInt(candidate -> distance(kebab, candidate)));
    }

    /** {@code dataDir}, {@code data_dir} and {@code DATA-DIR} all become {@code data-dir}. */
    static String toKebab(String key) {
        return key.replaceAll("([a-z0-9])([A-Z])", "$1-$2").replace('_', '-').toLowerCase(Locale.ROOT);
    }

    /** Levenshtein distance. */
    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
