package org.equitylake.jobs.gold;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.equitylake.indicators.CountTable;
import org.equitylake.indicators.Suppression;

/**
 * Every count one program-year publishes across the gold tables, as one table of named cells and
 * the sums that tie them together (a tract within its district within the city; the groups of each
 * dimension and the city; the cells of the mismatch grid and their margins; awards by eligibility).
 * Suppression is decided on that joint table, because a reader can combine tables: a count hidden
 * in one must not be recoverable through another. A count the tables never print but that follows
 * from printed ones (participants within a mile in an unreported income band) is a cell too.
 *
 * <p>Cells come in blocks, most important first: block 0 holds the core counts (tracts, districts,
 * the city and the groups of every dimension); later blocks hold secondary breakdowns. Block 0 is
 * protected by {@link Suppression#protect}. Each later block is then added with the cells before
 * it fixed: its small counts are suppressed, and while the auditor can recover any suppressed cell,
 * one more cell of the new block on a line through it is suppressed. A secondary breakdown thus
 * gives up its own cells rather than hiding a headline count.
 */
public final class Disclosure {
    private final Map<String, Long> cells = new LinkedHashMap<>();
    private final Map<String, Integer> blocks = new LinkedHashMap<>();
    private final List<List<String>> lines = new ArrayList<>();
    private int block;

    /** Cells added from now on belong to the next block. */
    public Disclosure nextBlock() {
        block++;
        return this;
    }

    /** Adds a cell, or checks that a cell added before under the same key has the same count. */
    public Disclosure cell(String key, long value) {
        Long before = cells.putIfAbsent(key, value);
        if (before != null && before != value) {
            throw new IllegalStateException("cell " + key + " is " + before + " and " + value);
        }
        blocks.putIfAbsent(key, block);
        return this;
    }

    public boolean has(String key) {
        return cells.containsKey(key);
    }

    public long value(String key) {
        Long v = cells.get(key);
        if (v == null) {
            throw new IllegalArgumentException("no cell " + key);
        }
        return v;
    }

    /** {@code total} = Σ {@code members}; a line without members is ignored. */
    public Disclosure line(String total, Collection<String> members) {
        if (members.isEmpty()) {
            return this;
        }
        List<String> l = new ArrayList<>();
        l.add(total);
        l.addAll(members);
        for (String k : l) {
            value(k);
        }
        lines.add(l);
        return this;
    }

    public CountTable table() {
        return table(block);
    }

    /** The cells of blocks up to {@code last} and the lines among them. */
    private CountTable table(int last) {
        List<String> keys = cells.keySet().stream().filter(k -> blocks.get(k) <= last).toList();
        Map<String, Integer> index = new LinkedHashMap<>();
        for (int i = 0; i < keys.size(); i++) {
            index.put(keys.get(i), i);
        }
        long[] values = keys.stream().mapToLong(cells::get).toArray();
        List<CountTable.Line> ls = new ArrayList<>();
        for (List<String> l : lines) {
            if (l.stream().allMatch(index::containsKey)) {
                int[] members = l.subList(1, l.size()).stream().mapToInt(index::get).toArray();
                ls.add(new CountTable.Line(index.get(l.get(0)), members));
            }
        }
        return CountTable.of(values, keys.toArray(String[]::new), ls);
    }

    /**
     * The suppression mask of every cell, block by block (see the class comment). Should block 0
     * defeat the library's heuristic, it is protected like the later blocks; should anything still be
     * recoverable at the end, every non-zero cell is suppressed: publishing nothing is safe.
     */
    public Mask protect(int threshold) {
        Map<String, Boolean> suppressed = new LinkedHashMap<>();
        CountTable core = table(0);
        boolean[] coreMask;
        try {
            coreMask = Suppression.protect(core, threshold).mask();
        } catch (IllegalStateException e) {
            coreMask = protectBlock(core, new boolean[core.size()], mineOf(core, 0), threshold);
        }
        for (int i = 0; i < core.size(); i++) {
            suppressed.put(core.label(i), coreMask[i]);
        }
        for (int b = 1; b <= block; b++) {
            CountTable t = table(b);
            boolean[] fixed = new boolean[t.size()];
            for (int i = 0; i < t.size(); i++) {
                fixed[i] = suppressed.getOrDefault(t.label(i), false);
            }
            boolean[] mask = protectBlock(t, fixed, mineOf(t, b), threshold);
            for (int i = 0; i < t.size(); i++) {
                suppressed.put(t.label(i), mask[i]);
            }
        }
        CountTable all = table();
        boolean[] mask = new boolean[all.size()];
        for (int i = 0; i < mask.length; i++) {
            mask[i] = suppressed.get(all.label(i));
        }
        if (!Suppression.recoverable(all, mask).isEmpty()) {
            mask = nonZero(all);
        }
        return new Mask(all, mask);
    }

    private boolean[] mineOf(CountTable t, int b) {
        boolean[] mine = new boolean[t.size()];
        for (int i = 0; i < t.size(); i++) {
            mine[i] = blocks.get(t.label(i)) == b;
        }
        return mine;
    }

    /**
     * Suppresses cells of one block ({@code mine}), the others fixed as given: primary suppression,
     * then, while the auditor recovers a cell, either publish a complementary cell of the block that
     * a reader can derive anyway (hiding it protects nothing), or suppress the cell of the block on a
     * line through the recovered one that leaves the fewest recoverable cells and is not itself
     * recoverable (then the smallest, then the first).
     */
    static boolean[] protectBlock(CountTable t, boolean[] fixed, boolean[] mine, int threshold) {
        boolean[] mask = fixed.clone();
        boolean[] primary = new boolean[t.size()];
        for (int i = 0; i < t.size(); i++) {
            if (mine[i]) {
                primary[i] = t.value(i) >= 1 && t.value(i) <= threshold;
                mask[i] = primary[i];
            }
        }
        boolean allSuppressed = false;
        for (int round = 0; round < 4 * t.size() + 4; round++) {
            List<Suppression.Recovered> leaks = Suppression.recoverable(t, mask);
            if (leaks.isEmpty()) {
                return mask;
            }
            boolean published = false;
            for (Suppression.Recovered leak : leaks) {
                if (mine[leak.cell()] && !primary[leak.cell()]) {
                    mask[leak.cell()] = false;
                    published = true;
                }
            }
            if (published) {
                continue;
            }
            int pick = complement(t, mask, mine, leaks.get(0).cell());
            if (pick >= 0) {
                mask[pick] = true;
            } else if (!allSuppressed) {
                for (int i = 0; i < t.size(); i++) {
                    mask[i] |= mine[i] && t.value(i) > 0;
                }
                allSuppressed = true;
            } else {
                break;
            }
        }
        return mask;
    }

    private static int complement(CountTable t, boolean[] mask, boolean[] mine, int leaked) {
        java.util.Set<Integer> candidates = new java.util.TreeSet<>();
        for (CountTable.Line line : t.lines()) {
            if (line.contains(leaked)) {
                candidates.add(line.total());
                for (int m : line.members()) {
                    candidates.add(m);
                }
            }
        }
        int best = -1;
        int bestLeaks = Integer.MAX_VALUE;
        for (int c : candidates) {
            if (!mine[c] || mask[c] || t.value(c) <= 0) {
                continue;
            }
            mask[c] = true;
            List<Suppression.Recovered> after = Suppression.recoverable(t, mask);
            mask[c] = false;
            if (after.stream().anyMatch(r -> r.cell() == c)) {
                continue;
            }
            if (after.size() < bestLeaks || (after.size() == bestLeaks && t.value(c) < t.value(best))) {
                best = c;
                bestLeaks = after.size();
            }
        }
        return best;
    }

    private static boolean[] nonZero(CountTable t) {
        boolean[] mask = new boolean[t.size()];
        for (int i = 0; i < mask.length; i++) {
            mask[i] = t.value(i) > 0;
        }
        return mask;
    }

    /** Which cells are suppressed; {@link #published} gives a count or null. */
    public static final class Mask {
        private final CountTable table;
        private final boolean[] mask;
        private final Map<String, Integer> index = new LinkedHashMap<>();

        Mask(CountTable table, boolean[] mask) {
            this.table = table;
            this.mask = mask.clone();
            for (int i = 0; i < table.size(); i++) {
                index.put(table.label(i), i);
            }
        }

        public boolean isSuppressed(String key) {
            return mask[cell(key)];
        }

        /** The count, or null when suppressed. */
        public Long published(String key) {
            int i = cell(key);
            return mask[i] ? null : table.value(i);
        }

        /** The count whether suppressed or not, for computations that are themselves published only when allowed. */
        public long value(String key) {
            return table.value(cell(key));
        }

        public boolean has(String key) {
            return index.containsKey(key);
        }

        public CountTable table() {
            return table;
        }

        public boolean[] mask() {
            return mask.clone();
        }

        private int cell(String key) {
            Integer i = index.get(key);
            if (i == null) {
                throw new IllegalArgumentException("no cell " + key);
            }
            return i;
        }
    }
}
