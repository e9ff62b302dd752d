package org.equitylake.indicators;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * An attacker independent of the auditor: for small two-way tables it enumerates every filling of
 * the suppressed interior cells consistent with the published cells and totals (suppressed counts
 * are at least 1, because zeros are published) and checks that every suppressed cell, margins
 * included, can take at least two values. Values are capped at the tightest published total on
 * the cell's row, column or grand total (else the true grand total + 10); a cap only removes
 * solutions, so a table that passes under it passes without it.
 */
class SuppressionExhaustiveTest {
    private static final long MAX_SEARCH = 3_000_000;

    @Test
    void noSuppressedCellOfASmallProtectedTableHasASingleFeasibleValue() {
        int checked = 0;
        for (int seed = 1; seed <= 300; seed++) {
            Random rnd = new Random(5000 + seed);
            long[][] cells = new long[2 + rnd.nextInt(2)][2 + rnd.nextInt(2)];
            for (long[] row : cells) {
                for (int j = 0; j < row.length; j++) {
                    double u = rnd.nextDouble();
                    row[j] = u < 0.25 ? 0 : u < 0.7 ? 1 + rnd.nextInt(10) : 11 + rnd.nextInt(15);
                }
            }
            CountTable t = CountTable.twoWay(cells);
            boolean[] mask = Suppression.protect(t).mask();
            Attack attack = new Attack(t, cells.length, cells[0].length, mask);
            if (attack.searchSize() > MAX_SEARCH) {
                continue;
            }
            attack.run();
            for (int i = 0; i < t.size(); i++) {
                if (mask[i]) {
                    assertTrue(attack.values.get(i).size() >= 2,
                            "seed " + seed + ": " + t.label(i) + " can only be " + attack.values.get(i));
                }
            }
            checked++;
        }
        assertTrue(checked >= 150, "only " + checked + " tables were small enough to enumerate");
    }

    /** Depth-first enumeration of the suppressed interior cells. */
    private static final class Attack {
        private final CountTable t;
        private final int rows;
        private final int cols;
        private final boolean[] mask;
        private final List<Integer> free = new ArrayList<>();
        private final long[] cap;
        private final long[] x;
        final List<Set<Long>> values = new ArrayList<>();

        Attack(CountTable t, int rows, int cols, boolean[] mask) {
            this.t = t;
            this.rows = rows;
            this.cols = cols;
            this.mask = mask;
            this.x = new long[rows * cols];
            this.cap = new long[rows * cols];
            for (int i = 0; i < t.size(); i++) {
                values.add(new HashSet<>());
            }
            long grand = t.value(t.grandTotal());
            for (int r = 0; r < rows; r++) {
                for (int c = 0; c < cols; c++) {
                    int i = t.cell(r, c);
                    x[i] = t.value(i);
                    if (mask[i]) {
                        free.add(i);
                        long k = mask[t.grandTotal()] ? grand + 10 : grand;
                        if (!mask[t.rowTotal(r)]) {
                            k = Math.min(k, t.value(t.rowTotal(r)));
                        }
                        if (!mask[t.columnTotal(c)]) {
                            k = Math.min(k, t.value(t.columnTotal(c)));
                        }
                        cap[i] = k;
                    }
                }
            }
        }

        long searchSize() {
            long size = 1;
            for (int i : free) {
                size *= cap[i];
                if (size > MAX_SEARCH) {
                    return size;
                }
            }
            return size;
        }

        void run() {
            dfs(0);
        }

        private void dfs(int k) {
            if (k == free.size()) {
                check();
                return;
            }
            int i = free.get(k);
            for (long v = 1; v <= cap[i]; v++) {
                x[i] = v;
                dfs(k + 1);
            }
        }

        private void check() {
            long[] row = new long[rows];
            long[] col = new long[cols];
            long grand = 0;
            for (int r = 0; r < rows; r++) {
                for (int c = 0; c < cols; c++) {
                    row[r] += x[r * cols + c];
                    col[c] += x[r * cols + c];
                    grand += x[r * cols + c];
                }
            }
            for (int r = 0; r < rows; r++) {
                if (!consistent(t.rowTotal(r), row[r])) {
                    return;
                }
            }
            for (int c = 0; c < cols; c++) {
                if (!consistent(t.columnTotal(c), col[c])) {
                    return;
                }
            }
            if (!consistent(t.grandTotal(), grand)) {
                return;
            }
            for (int i : free) {
                values.get(i).add(x[i]);
            }
            for (int r = 0; r < rows; r++) {
                values.get(t.rowTotal(r)).add(row[r]);
            }
            for (int c = 0; c < cols; c++) {
                values.get(t.columnTotal(c)).add(col[c]);
            }
            values.get(t.grandTotal()).add(grand);
        }

        /** A published total must match; a suppressed one must be at least 1. */
        private boolean consistent(int cell, long derived) {
            return mask[cell] ? derived >= 1 : derived == t.value(cell);
        }
    }
}
