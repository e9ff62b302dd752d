package org.equitylake.sample;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * The street grid. North-south lines every 160 m, east-west lines every 200 m. The north-south
 * line through the centre is 1st Street, the 29 east of it are 2nd to 30th; every other line has a
 * name. A line is two streets: N and S of the east-west baseline (or E and W of 1st Street), as
 * directional prefixes work in western US cities. House numbers grow by 100 a block away from the
 * baseline, even on one side and odd on the other.
 */
final class StreetGrid {
    static final double NS_SPACING_M = 160;
    static final double EW_SPACING_M = 200;
    static final int NUMBERED_STREETS = 30;

    /** One street as the address layer spells it. {@code ordinal} is 1..30 for numbered streets, 0 otherwise. */
    record Street(int id, String predirectional, String name, String type, String postdirectional, int ordinal) {
        String canonical() {
            StringBuilder s = new StringBuilder();
            if (!predirectional.isEmpty()) {
                s.append(predirectional).append(' ');
            }
            s.append(name).append(' ').append(type);
            if (!postdirectional.isEmpty()) {
                s.append(' ').append(postdirectional);
            }
            return s.toString();
        }
    }

    private static final String[] BASE_NAMES = {
        "Alameda", "Almaden", "Bernal", "Cordoba", "Del Monte", "El Dorado", "La Honda", "Los Padres", "Mira Loma",
        "Monte Vista", "Paseo Alto", "Rancho", "San Carlos", "San Fernando", "Santa Teresa", "Santa Clara", "San Salvador",
        "Vista Verde", "Cañada", "Peñasco", "Alisal", "Arroyo", "Buena Vista", "Camino Real", "Corona", "Encina",
        "Loma Verde", "Mariposa", "Paloma", "Sierra", "Tierra Bella", "Valencia", "Ventura", "Piñon",
        "Oak", "Maple", "Cedar", "Willow", "Sycamore", "Elm", "Walnut", "Magnolia", "Laurel", "Cypress", "Almond",
        "Olive", "Juniper", "Alder", "Birch", "Poplar", "Redwood", "Madrone", "Acacia", "Orchard",
        "Lincoln", "Jefferson", "Madison", "Monroe", "Jackson", "Hamilton", "Franklin", "Washington", "Adams", "Grant",
        "Garfield", "Roosevelt", "Kennedy", "Emerson", "Whitman", "Twain", "Steinbeck", "Muir", "Chavez", "Huerta",
        "Meadow", "Ridge", "Valley", "Creek", "Lake", "Hillcrest", "Sunset", "Parkview", "Fairview", "Riverside",
        "Brookside", "Glen", "Highland", "Lakeview", "Summit", "Canyon", "Mesa", "Union", "Market", "Mission",
        "Church", "Center", "Commerce", "College", "University", "Academy", "Railroad", "Depot", "Mill", "Vineyard",
        "Cannery", "Blossom", "Prune Blossom", "Apricot", "Cherry", "Quince", "Story", "Capitol", "Tully", "Curtner"};
    private static final String[] COMBINING = {"Hills", "Park", "Grove", "Glen", "Crest", "View", "Heights", "Gardens", "Oaks", "Woods"};
    private static final String[] ORDINAL_SUFFIX = {"th", "st", "nd", "rd", "th", "th", "th", "th", "th", "th"};
    private static final String[] TYPES = {"Ave", "St", "Dr", "Blvd", "Way", "Ln", "Rd", "Ct"};
    private static final double[] TYPE_WEIGHTS = {0.30, 0.22, 0.14, 0.08, 0.08, 0.06, 0.08, 0.04};

    private final int kMin;
    private final int jMin;
    private final int[][] nsStreet;
    private final int[][] ewStreet;
    private final List<Street> streets;

    private StreetGrid(int kMin, int jMin, int[][] nsStreet, int[][] ewStreet, List<Street> streets) {
        this.kMin = kMin;
        this.jMin = jMin;
        this.nsStreet = nsStreet;
        this.ewStreet = ewStreet;
        this.streets = List.copyOf(streets);
    }

    /** A grid over the metre box [minX, maxX] x [minY, maxY]. */
    static StreetGrid build(long seed, double minX, double maxX, double minY, double maxY) {
        int kMin = (int) Math.floor(minX / NS_SPACING_M);
        int kMax = (int) Math.ceil(maxX / NS_SPACING_M);
        int jMin = (int) Math.floor(minY / EW_SPACING_M);
        int jMax = (int) Math.ceil(maxY / EW_SPACING_M);
        SplittableRandom r = Rand.rng(seed, Rand.STREETS);
        List<String> pool = namePool(r, (kMax - kMin + 1) + (jMax - jMin + 1));
        int next = 0;
        List<Street> streets = new ArrayList<>();
        int[][] ns = new int[kMax - kMin + 1][2];
        for (int k = kMin; k <= kMax; k++) {
            boolean numbered = k >= 0 && k < NUMBERED_STREETS;
            String name = numbered ? ordinal(k + 1) : pool.get(next++);
            String type = numbered ? "St" : TYPES[Rand.pick(r, TYPE_WEIGHTS)];
            boolean post = !numbered && r.nextDouble() < 0.05;
            for (int side = 0; side < 2; side++) {
                String dir = side == 0 ? "S" : "N";
                ns[k - kMin][side] = streets.size();
                streets.add(new Street(streets.size(), post ? "" : dir, name, type, post ? dir : "", numbered ? k + 1 : 0));
            }
        }
        int[][] ew = new int[jMax - jMin + 1][2];
        for (int j = jMin; j <= jMax; j++) {
            String name = pool.get(next++);
            String type = TYPES[Rand.pick(r, TYPE_WEIGHTS)];
            boolean post = r.nextDouble() < 0.05;
            for (int side = 0; side < 2; side++) {
                String dir = side == 0 ? "W" : "E";
                ew[j - jMin][side] = streets.size();
                streets.add(new Street(streets.size(), post ? "" : dir, name, type, post ? dir : "", 0));
            }
        }
        return new StreetGrid(kMin, jMin, ns, ew, streets);
    }

    private static List<String> namePool(SplittableRandom r, int needed) {
        Set<String> names = new LinkedHashSet<>(List.of(BASE_NAMES));
        for (int i = 0; names.size() < needed + BASE_NAMES.length / 2; i++) {
            names.add(BASE_NAMES[i % BASE_NAMES.length] + " " + COMBINING[(i / BASE_NAMES.length + i) % COMBINING.length]);
        }
        List<String> pool = new ArrayList<>(names);
        for (int i = pool.size() - 1; i > 0; i--) {
            int j = r.nextInt(i + 1);
            String t = pool.get(i);
            pool.set(i, pool.get(j));
            pool.set(j, t);
        }
        return pool;
    }

    static String ordinal(int n) {
        int mod100 = n % 100;
        String suffix = mod100 >= 11 && mod100 <= 13 ? "th" : ORDINAL_SUFFIX[n % 10];
        return n + suffix;
    }

    List<Street> streets() {
        return streets;
    }

    Street street(int id) {
        return streets.get(id);
    }

    int kMin() {
        return kMin;
    }

    int kMax() {
        return kMin + nsStreet.length - 1;
    }

    int jMin() {
        return jMin;
    }

    int jMax() {
        return jMin + ewStreet.length - 1;
    }

    /** The street of north-south line k at northing y. */
    int northSouthStreet(int k, double y) {
        return nsStreet[k - kMin][y >= 0 ? 1 : 0];
    }

    /** The street of east-west line j at easting x. */
    int eastWestStreet(int j, double x) {
        return ewStreet[j - jMin][x >= 0 ? 1 : 0];
    }

    /**
     * House number at distance {@code along} (metres, from the baseline) on one side of a street whose
     * blocks are {@code blockLength} long: 100 per block, even on the {@code evenSide}, odd on the other.
     */
    static int houseNumber(double along, double blockLength, boolean evenSide) {
        double a = Math.abs(along);
        int block = (int) Math.floor(a / blockLength);
        int within = (int) Math.floor((a - block * blockLength) / blockLength * 48) * 2;
        int n = block * 100 + Math.max(2, within);
        return evenSide ? n : n + 1;
    }
}
