package io.dishtayantra.crd.validation;

import java.util.Collection;
import java.util.Comparator;
import java.util.Locale;
import java.util.Optional;

/** Finds the known name closest to a misspelt one, for "did you mean" hints in messages. */
public final class Suggestions {

    private Suggestions() {
    }

    /**
     * Returns the candidate closest to {@code written} by edit distance, ignoring case, when it is
     * close enough to be a likely typo: at most a third of the longer name's length, and at least 2.
     */
    public static Optional<String> closest(String written, Collection<String> candidates) {
        if (written == null || written.isBlank()) {
            return Optional.empty();
        }
        String lower = written.toLowerCase(Locale.ROOT);
        return candidates.stream()
                .filter(candidate -> candidate != null && !candidate.equals(written))
                .map(candidate -> new Scored(candidate, distance(lower, candidate.toLowerCase(Locale.ROOT))))
                .filter(scored -> scored.distance <= Math.max(2, Math.max(written.length(), scored.name.length()) / 3))
                .min(Comparator.comparingInt(Scored::distance).thenComparing(Scored::name))
                .map(Scored::name);
    }

    /** Returns " Did you mean 'x'?" when a close candidate exists, otherwise an empty string. */
    public static String didYouMean(String written, Collection<String> candidates) {
        return closest(written, candidates).map(name -> " Did you mean '" + name + "'?").orElse("");
    }

    /** Levenshtein distance: insertions, deletions and substitutions each cost 1. */
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

    private record Scored(String name, int distance) {
    }
}
