package org.equitylake.indicators;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A published table of non-negative counts as a reader sees it: every published number is a
 * cell (interior counts and their totals alike), and each {@link Line} says that one cell is the
 * sum of others. Those sums are all a reader can use to work back to a suppressed cell, so they are
 * all {@link Suppression} and its auditor need. The factories compute the totals from the interior
 * counts, so the table is always consistent.
 *
 * <p>Layouts (cell indices):
 * <ul>
 *   <li>{@link #oneWay}: cells 0..n−1, total n.
 *   <li>{@link #twoWay}: interior (r, c) at r·cols + c, then the row totals, the column totals and
 *       the grand total; see {@link #cell}, {@link #rowTotal}, {@link #columnTotal}, {@link #grandTotal}.
 *   <li>{@link #hierarchy}: leaves (tracts) 0..n−1, then one subtotal per parent (district), then the
 *       grand total (city).
 * </ul>
 */
public final class CountTable {
    /** {@code total} = Σ {@code members}, all cell indices. */
    public record Line(int total, int[] members) {
        public Line {
            members = members.clone();
        }

        public boolean contains(int cell) {
            return total == cell || Arrays.stream(members).anyMatch(m -> m == cell);
        }
    }

    private final long[] values;
    private final String[] labels;
    private final List<Line> lines;
    private final boolean[] isTotal;
    private final int[][] linesThrough;
    private final int rows;
    private final int cols;

    private CountTable(long[] values, String[] labels, List<Line> lines, int rows, int cols) {
        if (labels.length != values.length) {
            throw new IllegalArgumentException("one label per cell");
        }
        this.values = values.clone();
        this.labels = labels.clone();
        this.lines = List.copyOf(lines);
        this.isTotal = new boolean[values.length];
        this.rows = rows;
        this.cols = cols;
        for (long v : values) {
            if (v < 0) {
                throw new IllegalArgumentException("counts must be >= 0, found " + v);
            }
        }
        for (Line line : this.lines) {
            long sum = 0;
            for (int m : line.members()) {
                sum += this.values[m];
            }
            if (sum != this.values[line.total()]) {
                throw new IllegalArgumentException(labels[line.total()] + " is " + values[line.total()] + " but its members sum to " + sum);
            }
            isTotal[line.total()] = true;
        }
        List<List<Integer>> through = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            through.add(new ArrayList<>());
        }
        for (int l = 0; l < this.lines.size(); l++) {
            Line line = this.lines.get(l);
            through.get(line.total()).add(l);
            for (int m : line.members()) {
                through.get(m).add(l);
            }
        }
        this.linesThrough = through.stream().map(ls -> ls.stream().mapToInt(Integer::intValue).toArray()).toArray(int[][]::new);
    }

    /** Any layout: the values, a label per cell, and the sum constraints a reader knows. */
    public static CountTable of(long[] values, String[] labels, List<Line> lines) {
        return new CountTable(values, labels, lines, 0, 0);
    }

    /** A list of cells and their published total. */
    public static CountTable oneWay(long[] cells) {
        int n = cells.length;
        long[] values = Arrays.copyOf(cells, n + 1);
        values[n] = Arrays.stream(cells).sum();
        String[] labels = new String[n + 1];
        int[] members = new int[n];
        for (int i = 0; i < n; i++) {
            labels[i] = "cell " + i;
            members[i] = i;
        }
        labels[n] = "total";
        return new CountTable(values, labels, List.of(new Line(n, members)), 0, 0);
    }

    /** A rows × columns table with its row totals, column totals and grand total. */
    public static CountTable twoWay(long[][] cells) {
        int r = cells.length;
        int c = r == 0 ? 0 : cells[0].length;
        int size = r * c + r + c + 1;
        long[] values = new long[size];
        String[] labels = new String[size];
        List<Line> lines = new ArrayList<>();
        int grand = size - 1;
        labels[grand] = "total";
        int[] rowTotals = new int[r];
        int[] colTotals = new int[c];
        for (int i = 0; i < r; i++) {
            if (cells[i].length != c) {
                throw new IllegalArgumentException("row " + i + " has " + cells[i].length + " columns, expected " + c);
            }
            int[] members = new int[c];
            for (int j = 0; j < c; j++) {
                int idx = i * c + j;
                values[idx] = cells[i][j];
                labels[idx] = "row " + i + " col " + j;
                values[r * c + i] += cells[i][j];
                values[r * c + r + j] += cells[i][j];
                values[grand] += cells[i][j];
                members[j] = idx;
            }
            rowTotals[i] = r * c + i;
            labels[rowTotals[i]] = "row " + i + " total";
            lines.add(new Line(rowTotals[i], members));
        }
        for (int j = 0; j < c; j++) {
            int[] members = new int[r];
            for (int i = 0; i < r; i++) {
                members[i] = i * c + j;
            }
            colTotals[j] = r * c + r + j;
            labels[colTotals[j]] = "col " + j + " total";
            lines.add(new Line(colTotals[j], members));
        }
        lines.add(new Line(grand, rowTotals));
        lines.add(new Line(grand, colTotals));
        return new CountTable(values, labels, lines, r, c);
    }

    /**
     * Leaves grouped under parents, parents under one grand total: tract → council district → city.
     *
     * @param parentOf the parent (0..parents−1) of each leaf
     */
    public static CountTable hierarchy(long[] leaves, int[] parentOf, int parents) {
        int n = leaves.length;
        if (parentOf.length != n) {
            throw new IllegalArgumentException("one parent per leaf");
        }
        long[] values = new long[n + parents + 1];
        String[] labels = new String[values.length];
        List<List<Integer>> children = new ArrayList<>();
        for (int p = 0; p < parents; p++) {
            children.add(new ArrayList<>());
            labels[n + p] = "parent " + p;
        }
        for (int i = 0; i < n; i++) {
            values[i] = leaves[i];
            labels[i] = "leaf " + i;
            values[n + parentOf[i]] += leaves[i];
            values[n + parents] += leaves[i];
            children.get(parentOf[i]).add(i);
        }
        labels[n + parents] = "total";
        List<Line> lines = new ArrayList<>();
        int[] parentCells = new int[parents];
        for (int p = 0; p < parents; p++) {
            lines.add(new Line(n + p, children.get(p).stream().mapToInt(Integer::intValue).toArray()));
            parentCells[p] = n + p;
        }
        lines.add(new Line(n + parents, parentCells));
        return new CountTable(values, labels, lines, 0, 0);
    }

    public int size() {
        return values.length;
    }

    public long value(int cell) {
        return values[cell];
    }

    public String label(int cell) {
        return labels[cell];
    }

    public List<Line> lines() {
        return lines;
    }

    /** Indices into {@link #lines()} of the lines the cell is in, as total or member. */
    public int[] linesThrough(int cell) {
        return linesThrough[cell].clone();
    }

    /** Whether the cell is the total of some line (a margin or subtotal). */
    public boolean isTotal(int cell) {
        return isTotal[cell];
    }

    /** Two-way layout only: the interior cell (r, c). */
    public int cell(int r, int c) {
        requireTwoWay();
        return r * cols + c;
    }

    public int rowTotal(int r) {
        requireTwoWay();
        return rows * cols + r;
    }

    public int columnTotal(int c) {
        requireTwoWay();
        return rows * cols + rows + c;
    }

    public int grandTotal() {
        requireTwoWay();
        return values.length - 1;
    }

    private void requireTwoWay() {
        if (rows == 0) {
            throw new IllegalStateException("not a two-way table");
        }
    }
}
