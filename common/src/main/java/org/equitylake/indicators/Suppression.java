package org.equitylake.indicators;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Small-count disclosure control for published tables (cell suppression, as in the Federal
 * Committee on Statistical Methodology's Statistical Policy Working Paper 22).
 *
 * <p>Primary suppression: every published count from 1 to the threshold (default 10), totals
 * included, is suppressed. Zero is published: it names nobody, many agencies publish it, and a
 * suppressed zero would itself need protecting; the price is that readers know every suppressed
 * count is at least 1, which the auditor assumes.
 *
 * <p>Complementary suppression, repeated until stable: (1) every line (a total and the cells it sums)
 * holding exactly one suppressed cell gets a second one from its non-zero published members, or,
 * when it has none, its total; (2) the auditor ({@link #recoverable}) then attacks the whole table,
 * and for the first cell it recovers a non-zero published cell on a line through it (interior
 * cells before totals) is suppressed as well. Among candidates the choice is: the one that opens
 * the fewest other lines (lines through it with no suppressed cell yet, which would need a
 * complement of their own), then the smallest value, then the lowest cell index. The first key
 * is why a lone small cell in a two-way table ends in a 2 × 2 rectangle of four suppressed cells
 * rather than a chain across the table; the smallest value keeps the information lost small.
 * Each round suppresses at least one more cell, so it ends; it is a greedy heuristic, not the
 * minimum-loss pattern an optimisation solver would find.
 *
 * <p>The library only returns the mask. In the data a suppressed cell is a flag plus a null, never
 * a zero, and only the flag is published: the reason (primary or complementary) would tell a
 * reader which cells are small.
 */
public final class Suppression {
    public static final int DEFAULT_THRESHOLD = 10;

    private Suppression() {}

    public enum Reason { PUBLISHED, PRIMARY, COMPLEMENTARY }

    /** The table and, per cell, whether and why it is suppressed. */
    public record Result(CountTable table, List<Reason> reasons) {
        public Result {
            reasons = List.copyOf(reasons);
        }

        public boolean isSuppressed(int cell) {
            return reasons.get(cell) != Reason.PUBLISHED;
        }

        public boolean[] mask() {
            boolean[] mask = new boolean[reasons.size()];
            for (int i = 0; i < mask.length; i++) {
                mask[i] = isSuppressed(i);
            }
            return mask;
        }

        public long count(Reason reason) {
            return reasons.stream().filter(r -> r == reason).count();
        }
    }

    /** A suppressed cell a reader can work out, its value and the attack that found it. */
    public record Recovered(int cell, String label, long value, String method) {}

    public static Result protect(CountTable table) {
        return protect(table, DEFAULT_THRESHOLD);
    }

    public static Result protect(CountTable table, int threshold) {
        Reason[] reasons = new Reason[table.size()];
        boolean[] mask = primary(table, threshold);
        for (int i = 0; i < reasons.length; i++) {
            reasons[i] = mask[i] ? Reason.PRIMARY : Reason.PUBLISHED;
        }
        for (int round = 0; round <= table.size(); round++) {
            completeLines(table, mask, reasons);
            List<Recovered> leaks = recoverable(table, mask);
            if (leaks.isEmpty()) {
                return new Result(table, Arrays.asList(reasons));
            }
            int extra = complementFor(table, mask, leaks.get(0).cell());
            if (extra < 0) {
                break;
            }
            mask[extra] = true;
            reasons[extra] = Reason.COMPLEMENTARY;
        }
        throw new IllegalStateException("no suppression pattern protects this table");
    }

    /** Primary suppression alone: the cells with 1 ≤ count ≤ threshold. */
    public static boolean[] primary(CountTable table, int threshold) {
        if (threshold < 1) {
            throw new IllegalArgumentException("threshold must be >= 1, was " + threshold);
        }
        boolean[] mask = new boolean[table.size()];
        for (int i = 0; i < mask.length; i++) {
            mask[i] = table.value(i) >= 1 && table.value(i) <= threshold;
        }
        return mask;
    }

    /**
     * The auditor: every suppressed cell a reader can derive from the published cells and the
     * table's sums, in cell order. Empty means no exact disclosure. See {@code DisclosureAudit} for
     * the attacks (single-unknown lines, the full linear system, and bounds).
     */
    public static List<Recovered> recoverable(CountTable table, boolean[] suppressedMask) {
        return DisclosureAudit.audit(table, suppressedMask);
    }

    private static void completeLines(CountTable table, boolean[] mask, Reason[] reasons) {
        boolean changed = true;
        while (changed) {
            changed = false;
            for (CountTable.Line line : table.lines()) {
                int suppressed = mask[line.total()] ? 1 : 0;
                for (int m : line.members()) {
                    suppressed += mask[m] ? 1 : 0;
                }
                if (suppressed != 1) {
                    continue;
                }
                int pick = cheapest(table, mask, Arrays.stream(line.members()).boxed().toList(), false);
                if (pick < 0 && !mask[line.total()]) {
                    pick = line.total();
                }
                if (pick >= 0) {
                    mask[pick] = true;
                    reasons[pick] = Reason.COMPLEMENTARY;
                    changed = true;
                }
            }
        }
    }

    /** A published non-zero cell on a line through {@code leaked}: interior first, then value, index. */
    private static int complementFor(CountTable table, boolean[] mask, int leaked) {
        List<Integer> candidates = new ArrayList<>();
        for (CountTable.Line line : table.lines()) {
            if (line.contains(leaked)) {
                candidates.add(line.total());
                Arrays.stream(line.members()).forEach(candidates::add);
            }
        }
        if (candidates.stream().noneMatch(c -> !mask[c] && table.value(c) > 0)) {
            for (int i = 0; i < table.size(); i++) {
                candidates.add(i);
            }
        }
        return cheapest(table, mask, candidates, true);
    }

    /** The published non-zero candidate that opens the fewest lines, then smallest, then lowest index. */
    private static int cheapest(CountTable table, boolean[] mask, List<Integer> candidates, boolean interiorFirst) {
        Comparator<Integer> order = Comparator.comparingInt(c -> interiorFirst && table.isTotal(c) ? 1 : 0);
        order = order.thenComparingInt(c -> opens(table, mask, c))
                .thenComparingLong(table::value)
                .thenComparingInt(c -> c);
        return candidates.stream()
                .filter(c -> !mask[c] && table.value(c) > 0)
                .min(order)
                .orElse(-1);
    }

    /** How many lines through the cell have no suppressed cell yet. */
    private static int opens(CountTable table, boolean[] mask, int cell) {
        int open = 0;
        for (int l : table.linesThrough(cell)) {
            CountTable.Line line = table.lines().get(l);
            boolean any = mask[line.total()];
            for (int m : line.members()) {
                any |= mask[m];
            }
            open += any ? 0 : 1;
        }
        return open;
    }
}
