package org.equitylake.indicators;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeMap;

/**
 * What a reader can work out from a table with some cells suppressed. The reader knows every
 * published cell and every sum constraint, and (because zeros are published) that each suppressed
 * count is at least 1. Three attacks, repeated until none recovers anything more:
 *
 * <ol>
 *   <li>line: a line with exactly one unknown gives it by subtraction;
 *   <li>linear system: the constraints over all unknowns, reduced to row echelon form; an unknown
 *       is determined exactly when its pivot row has no free unknown left in it, e.g. a suppressed
 *       cell that bridges two otherwise separate suppression patterns of a two-way table;
 *   <li>bounds: the shuttle algorithm (Buzzigoli &amp; Giusti 1999), lower and upper bounds of each
 *       unknown tightened line by line from the non-negativity / at-least-1 knowledge; an unknown
 *       whose bounds meet is recovered (two suppressed cells in a line whose remainder is 2 are
 *       both 1).
 * </ol>
 * It checks exact disclosure only: a suppressed cell pinned to a narrow but non-degenerate range
 * is not reported.
 */
final class DisclosureAudit {
    private static final double EPS = 1e-9;
    private static final int MAX_BOUND_PASSES = 1000;

    private final CountTable table;
    private final boolean[] known;
    private final double[] lo;
    private final double[] hi;
    private final TreeMap<Integer, Suppression.Recovered> found = new TreeMap<>();

    private DisclosureAudit(CountTable table, boolean[] suppressed) {
        if (suppressed.length != table.size()) {
            throw new IllegalArgumentException("mask has " + suppressed.length + " cells, table " + table.size());
        }
        this.table = table;
        int n = table.size();
        known = new boolean[n];
        lo = new double[n];
        hi = new double[n];
        boolean anySuppressedZero = false;
        for (int i = 0; i < n; i++) {
            anySuppressedZero |= suppressed[i] && table.value(i) == 0;
        }
        // A reader knows a suppressed count is >= 1 only if zeros are never suppressed.
        double floor = anySuppressedZero ? 0 : 1;
        for (int i = 0; i < n; i++) {
            known[i] = !suppressed[i];
            lo[i] = known[i] ? table.value(i) : floor;
            hi[i] = known[i] ? table.value(i) : Double.POSITIVE_INFINITY;
        }
    }

    static List<Suppression.Recovered> audit(CountTable table, boolean[] suppressed) {
        DisclosureAudit a = new DisclosureAudit(table, suppressed);
        boolean progress = true;
        while (progress) {
            progress = a.lines() | a.linearSystem() | a.bounds();
        }
        return new ArrayList<>(a.found.values());
    }

    private void recover(int cell, double value, String method) {
        long v = Math.round(value);
        known[cell] = true;
        lo[cell] = v;
        hi[cell] = v;
        found.put(cell, new Suppression.Recovered(cell, table.label(cell), v, method));
    }

    private boolean lines() {
        boolean any = false;
        boolean changed = true;
        while (changed) {
            changed = false;
            for (CountTable.Line line : table.lines()) {
                int unknown = -1;
                int count = 0;
                long rest = 0;
                if (known[line.total()]) {
                    rest += table.value(line.total());
                } else {
                    unknown = line.total();
                    count++;
                }
                for (int m : line.members()) {
                    if (known[m]) {
                        rest -= table.value(m);
                    } else {
                        unknown = m;
                        count++;
                    }
                }
                if (count == 1) {
                    recover(unknown, unknown == line.total() ? -rest : rest, "line");
                    changed = true;
                    any = true;
                }
            }
        }
        return any;
    }

    private boolean linearSystem() {
        int n = table.size();
        int[] column = new int[n];
        List<Integer> unknowns = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            column[i] = known[i] ? -1 : unknowns.size();
            if (!known[i]) {
                unknowns.add(i);
            }
        }
        int u = unknowns.size();
        if (u == 0) {
            return false;
        }
        // One row per line: total − Σ members = 0, known values moved to the right-hand side.
        List<double[]> rows = new ArrayList<>();
        for (CountTable.Line line : table.lines()) {
            double[] row = new double[u + 1];
            boolean hasUnknown = false;
            int t = line.total();
            if (known[t]) {
                row[u] -= table.value(t);
            } else {
                row[column[t]] += 1;
                hasUnknown = true;
            }
            for (int m : line.members()) {
                if (known[m]) {
                    row[u] += table.value(m);
                } else {
                    row[column[m]] -= 1;
                    hasUnknown = true;
                }
            }
            if (hasUnknown) {
                rows.add(row);
            }
        }
        double[][] a = rows.toArray(new double[0][]);
        int[] pivotOfRow = reduce(a, u);
        boolean any = false;
        for (int r = 0; r < pivotOfRow.length; r++) {
            int p = pivotOfRow[r];
            if (p < 0) {
                continue;
            }
            boolean alone = true;
            for (int c = 0; c < u && alone; c++) {
                alone = c == p || Math.abs(a[r][c]) < EPS;
            }
            if (alone) {
                recover(unknowns.get(p), a[r][u], "linear system");
                any = true;
            }
        }
        return any;
    }

    /** Gauss–Jordan elimination with partial pivoting, in place; the pivot column of each row or −1. */
    private static int[] reduce(double[][] a, int u) {
        int[] pivotOfRow = new int[a.length];
        Arrays.fill(pivotOfRow, -1);
        int r = 0;
        for (int c = 0; c < u && r < a.length; c++) {
            int best = r;
            for (int i = r + 1; i < a.length; i++) {
                if (Math.abs(a[i][c]) > Math.abs(a[best][c])) {
                    best = i;
                }
            }
            if (Math.abs(a[best][c]) < EPS) {
                continue;
            }
            double[] tmp = a[r];
            a[r] = a[best];
            a[best] = tmp;
            double pivot = a[r][c];
            for (int j = 0; j <= u; j++) {
                a[r][j] /= pivot;
            }
            for (int i = 0; i < a.length; i++) {
                if (i != r && Math.abs(a[i][c]) >= EPS) {
                    double f = a[i][c];
                    for (int j = 0; j <= u; j++) {
                        a[i][j] -= f * a[r][j];
                    }
                }
            }
            pivotOfRow[r] = c;
            r++;
        }
        return pivotOfRow;
    }

    private boolean bounds() {
        boolean changed = true;
        for (int pass = 0; pass < MAX_BOUND_PASSES && changed; pass++) {
            changed = false;
            for (CountTable.Line line : table.lines()) {
                double sumLo = 0;
                double sumHiFinite = 0;
                int infinite = 0;
                for (int m : line.members()) {
                    sumLo += lo[m];
                    if (Double.isInfinite(hi[m])) {
                        infinite++;
                    } else {
                        sumHiFinite += hi[m];
                    }
                }
                int t = line.total();
                changed |= tighten(t, sumLo, infinite > 0 ? Double.POSITIVE_INFINITY : sumHiFinite);
                for (int m : line.members()) {
                    double othersLo = sumLo - lo[m];
                    boolean othersInfinite = infinite > (Double.isInfinite(hi[m]) ? 1 : 0);
                    double othersHi = othersInfinite ? Double.POSITIVE_INFINITY
                            : sumHiFinite - (Double.isInfinite(hi[m]) ? 0 : hi[m]);
                    changed |= tighten(m, lo[t] - othersHi, hi[t] - othersLo);
                }
            }
        }
        boolean any = false;
        for (int i = 0; i < table.size(); i++) {
            if (!known[i] && hi[i] - lo[i] < 0.5) {
                recover(i, lo[i], "bounds");
                any = true;
            }
        }
        return any;
    }

    private boolean tighten(int cell, double newLo, double newHi) {
        if (known[cell]) {
            return false;
        }
        boolean changed = false;
        if (newLo > lo[cell] + EPS) {
            lo[cell] = Math.ceil(newLo - EPS);
            changed = true;
        }
        if (newHi < hi[cell] - EPS) {
            hi[cell] = Math.floor(newHi + EPS);
            changed = true;
        }
        return changed;
    }
}
