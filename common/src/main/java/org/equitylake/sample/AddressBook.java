package org.equitylake.sample;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.locationtech.jts.geom.Envelope;

/**
 * Every dwelling of the county part the tracts cover: parcels along the street grid, each empty,
 * a house or a building of units. Dwellings inside the city limits are the city's address layer
 * (one address point per dwelling, units of a building sharing its coordinates); those outside
 * exist only in the truth, as homes of households that live outside the city.
 * Densities are calibrated so the city gets about the target number of address points.
 */
final class AddressBook {
    static final String CITY_NAME = "Santa Elena";
    static final String STATE = "CA";
    static final long FIRST_ADDRESS_ID = 100001;
    private static final String[] ZIP_CODES = {"95110", "95111", "95112", "95113", "95116", "95117", "95118", "95119",
        "95120", "95121", "95122", "95123", "95124", "95125", "95126", "95127", "95128", "95129", "95130", "95131",
        "95132", "95133", "95134", "95135", "95136", "95138", "95139", "95148"};
    private static final double SETBACK_M = 18;
    private static final double MAX_RESIDENTIAL = 0.6;
    private static final double BASE_MULTI_UNITS = 4;
    private static final double OUTSIDE_DENSITY = 0.5;

    private final StreetGrid grid;
    private final Parcels p;
    private final int dwellings;
    private final int[] dParcel;
    private final int[] dUnit;
    private final long[] dAddressId;
    private final int inCity;

    private AddressBook(StreetGrid grid, Parcels p, int dwellings, int[] dParcel, int[] dUnit, long[] dAddressId, int inCity) {
        this.grid = grid;
        this.p = p;
        this.dwellings = dwellings;
        this.dParcel = dParcel;
        this.dUnit = dUnit;
        this.dAddressId = dAddressId;
        this.inCity = inCity;
    }

    static AddressBook build(long seed, CityGeography geo, long target) {
        Envelope env = new Envelope();
        geo.tracts().forEach(t -> env.expandToInclude(t.polygon().getEnvelopeInternal()));
        StreetGrid grid = StreetGrid.build(seed, LocalFrame.x(env.getMinX()), LocalFrame.x(env.getMaxX()),
                LocalFrame.y(env.getMinY()), LocalFrame.y(env.getMaxY()));
        Parcels p = Parcels.lay(seed, geo, grid);
        double single = 0;
        double multi = 0;
        for (int i = 0; i < p.count; i++) {
            if (p.inCity[i]) {
                double q = multiShare(p, i);
                single += 1 - q;
                multi += q;
            }
        }
        double residential = Math.min(MAX_RESIDENTIAL, target / (single + multi * (2 + BASE_MULTI_UNITS)));
        double extra = Math.max(BASE_MULTI_UNITS, (target / residential - single - 2 * multi) / Math.max(1, multi));
        // The floor of an exponential with mean m has mean 1 / (e^(1/m) - 1); solve for the m that gives the extra units wanted.
        double meanExtra = 1 / StrictMath.log1p(1 / extra);

        int capacity = (int) Math.min(Integer.MAX_VALUE - 8, target * 1.6 + 1000);
        int[] dParcel = new int[capacity];
        int[] dUnit = new int[capacity];
        int n = 0;
        for (int i = 0; i < p.count; i++) {
            SplittableRandom r = Rand.rng(seed, Rand.PARCELS, 1, i);
            // Outside the limits the county is sparser: half as many parcels hold homes.
            if (r.nextDouble() >= (p.inCity[i] ? residential : residential * OUTSIDE_DENSITY)) {
                continue;
            }
            int units = 1;
            if (r.nextDouble() < multiShare(p, i)) {
                units = 2 + (int) Math.min(4000, Math.floor(-meanExtra * StrictMath.log(1 - r.nextDouble())));
            }
            p.units[i] = units;
            p.unitStyle[i] = unitStyle(r, units);
            if (units == 1) {
                double u = r.nextDouble();
                p.suffix[i] = (byte) (u < 0.015 ? 1 : u < 0.02 ? 2 : 0);
            }
            if (n + units > dParcel.length) {
                int grown = (int) Math.min(Integer.MAX_VALUE - 8, (long) (n + units) * 3 / 2);
                dParcel = Arrays.copyOf(dParcel, grown);
                dUnit = Arrays.copyOf(dUnit, grown);
            }
            for (int u = 0; u < units; u++) {
                dParcel[n] = i;
                dUnit[n] = units == 1 ? -1 : u;
                n++;
            }
        }
        long[] ids = new long[n];
        int in = 0;
        for (int d = 0; d < n; d++) {
            ids[d] = p.inCity[dParcel[d]] ? FIRST_ADDRESS_ID + in++ : 0;
        }
        return new AddressBook(grid, p, n, dParcel, dUnit, ids, in);
    }

    /** Share of multi-unit buildings: high downtown, low in the outskirts. */
    private static double multiShare(Parcels p, int i) {
        double d = Math.hypot(LocalFrame.x(p.lon[i]), LocalFrame.y(p.lat[i]));
        return 0.08 + 0.40 * StrictMath.exp(-d / 2500);
    }

    /** 1 letters (UNIT A-D), 2 numbers (APT 1..n), 3 floor and letter (UNIT 1A, 1B ...), 4 floor and number (APT 101 ...). */
    private static byte unitStyle(SplittableRandom r, int units) {
        if (units == 1) {
            return 0;
        }
        double u = r.nextDouble();
        if (units <= 4) {
            return (byte) (u < 0.5 ? 1 : 2);
        }
        if (units <= 24) {
            return (byte) (u < 0.6 ? 2 : 3);
        }
        return 4;
    }

    int size() {
        return dwellings;
    }

    int inCityCount() {
        return inCity;
    }

    int parcel(int d) {
        return dParcel[d];
    }

    boolean inCity(int d) {
        return p.inCity[dParcel[d]];
    }

    /** The address point id, or an empty string for a dwelling outside the city. */
    String addressId(int d) {
        return dAddressId[d] == 0 ? "" : Long.toString(dAddressId[d]);
    }

    int tract(int d) {
        return p.tract[dParcel[d]];
    }

    double lon(int d) {
        return p.lon[dParcel[d]];
    }

    double lat(int d) {
        return p.lat[dParcel[d]];
    }

    StreetGrid.Street street(int d) {
        return grid.street(p.street[dParcel[d]]);
    }

    String houseNumber(int d) {
        return Integer.toString(p.number[dParcel[d]]);
    }

    String houseNumberSuffix(int d) {
        return switch (p.suffix[dParcel[d]]) {
            case 1 -> "1/2";
            case 2 -> "A";
            default -> "";
        };
    }

    String zip(int d) {
        return ZIP_CODES[p.zip[dParcel[d]]];
    }

    static String[] zipCodes() {
        return ZIP_CODES.clone();
    }

    boolean hasUnit(int d) {
        return dUnit[d] >= 0;
    }

    String unitType(int d) {
        int style = p.unitStyle[dParcel[d]];
        return dUnit[d] < 0 ? "" : style == 1 || style == 3 ? "UNIT" : "APT";
    }

    String unitNumber(int d) {
        int u = dUnit[d];
        if (u < 0) {
            return "";
        }
        return switch (p.unitStyle[dParcel[d]]) {
            case 1 -> String.valueOf((char) ('A' + u));
            case 3 -> (u / 6 + 1) + String.valueOf((char) ('A' + u % 6));
            case 4 -> Integer.toString((u / 12 + 1) * 100 + u % 12 + 1);
            default -> Integer.toString(u + 1);
        };
    }

    /** House number, suffix and street: "1250 1/2 N 1st St". */
    String streetLine(int d) {
        String suffix = houseNumberSuffix(d);
        return houseNumber(d) + (suffix.isEmpty() ? "" : " " + suffix) + " " + street(d).canonical();
    }

    void writeCsv(Path file) {
        try (CsvWriter w = new CsvWriter(file)) {
            w.row("address_id", "house_number", "house_number_suffix", "predirectional", "street_name", "street_type",
                    "postdirectional", "unit_type", "unit_number", "city", "state", "zip", "longitude", "latitude");
            for (int d = 0; d < dwellings; d++) {
                if (!inCity(d)) {
                    continue;
                }
                StreetGrid.Street s = street(d);
                w.row(addressId(d), houseNumber(d), houseNumberSuffix(d), s.predirectional(), s.name(), s.type(),
                        s.postdirectional(), unitType(d), unitNumber(d), CITY_NAME, STATE, zip(d),
                        LocalFrame.format(lon(d)), LocalFrame.format(lat(d)));
            }
        }
    }

    /** Parcels along both sides of every block of the grid that lie within a tract. */
    static final class Parcels {
        int count;
        int[] street = new int[1024];
        int[] number = new int[1024];
        double[] lon = new double[1024];
        double[] lat = new double[1024];
        int[] tract = new int[1024];
        boolean[] inCity = new boolean[1024];
        byte[] zip = new byte[1024];
        byte[] suffix;
        byte[] unitStyle;
        int[] units;

        static Parcels lay(long seed, CityGeography geo, StreetGrid grid) {
            Parcels p = new Parcels();
            List<double[]> zipCentres = zipCentres(seed, grid);
            for (int k = grid.kMin(); k <= grid.kMax(); k++) {
                double x = k * StreetGrid.NS_SPACING_M;
                for (int j = grid.jMin(); j < grid.jMax(); j++) {
                    for (int side = -1; side <= 1; side += 2) {
                        SplittableRandom r = Rand.rng(seed, Rand.PARCELS, 0, k, j, side);
                        double end = (j + 1) * StreetGrid.EW_SPACING_M - 12;
                        for (double s = j * StreetGrid.EW_SPACING_M + 12 + 6 * r.nextDouble(); s < end; s += 14 + 12 * r.nextDouble()) {
                            p.add(geo, zipCentres, x + side * SETBACK_M, s, grid.northSouthStreet(k, s),
                                    StreetGrid.houseNumber(s, StreetGrid.EW_SPACING_M, side > 0));
                        }
                    }
                }
            }
            for (int j = grid.jMin(); j <= grid.jMax(); j++) {
                double y = j * StreetGrid.EW_SPACING_M;
                for (int k = grid.kMin(); k < grid.kMax(); k++) {
                    for (int side = -1; side <= 1; side += 2) {
                        SplittableRandom r = Rand.rng(seed, Rand.PARCELS, 2, k, j, side);
                        double end = (k + 1) * StreetGrid.NS_SPACING_M - 12;
                        for (double s = k * StreetGrid.NS_SPACING_M + 12 + 6 * r.nextDouble(); s < end; s += 14 + 12 * r.nextDouble()) {
                            p.add(geo, zipCentres, s, y + side * SETBACK_M, grid.eastWestStreet(j, s),
                                    StreetGrid.houseNumber(s, StreetGrid.NS_SPACING_M, side > 0));
                        }
                    }
                }
            }
            p.suffix = new byte[p.count];
            p.unitStyle = new byte[p.count];
            p.units = new int[p.count];
            return p;
        }

        private void add(CityGeography geo, List<double[]> zipCentres, double x, double y, int streetId, int houseNumber) {
            double lo = LocalFrame.lon(x);
            double la = LocalFrame.lat(y);
            int t = geo.tractAt(lo, la);
            if (t < 0) {
                return;
            }
            if (count == street.length) {
                int n = count * 2;
                street = Arrays.copyOf(street, n);
                number = Arrays.copyOf(number, n);
                lon = Arrays.copyOf(lon, n);
                lat = Arrays.copyOf(lat, n);
                tract = Arrays.copyOf(tract, n);
                inCity = Arrays.copyOf(inCity, n);
                zip = Arrays.copyOf(zip, n);
            }
            street[count] = streetId;
            number[count] = houseNumber;
            lon[count] = lo;
            lat[count] = la;
            tract[count] = t;
            inCity[count] = geo.inCity(lo, la);
            zip[count] = (byte) nearest(zipCentres, x, y);
            count++;
        }

        /** ZIP areas as the Voronoi cells of scattered centres, numbered north to south. */
        private static List<double[]> zipCentres(long seed, StreetGrid grid) {
            SplittableRandom r = Rand.rng(seed, Rand.ZIPS);
            double minX = grid.kMin() * StreetGrid.NS_SPACING_M;
            double maxX = grid.kMax() * StreetGrid.NS_SPACING_M;
            double minY = grid.jMin() * StreetGrid.EW_SPACING_M;
            double maxY = grid.jMax() * StreetGrid.EW_SPACING_M;
            List<double[]> centres = new ArrayList<>();
            for (int attempt = 0; centres.size() < ZIP_CODES.length && attempt < 20000; attempt++) {
                double x = minX + r.nextDouble() * (maxX - minX);
                double y = minY + r.nextDouble() * (maxY - minY);
                if (centres.stream().allMatch(c -> Math.hypot(c[0] - x, c[1] - y) > 1900)) {
                    centres.add(new double[] {x, y});
                }
            }
            centres.sort((a, b) -> a[1] != b[1] ? Double.compare(b[1], a[1]) : Double.compare(a[0], b[0]));
            return centres;
        }

        private static int nearest(List<double[]> centres, double x, double y) {
            int best = 0;
            double bestD = Double.MAX_VALUE;
            for (int i = 0; i < centres.size(); i++) {
                double d = Math.hypot(centres.get(i)[0] - x, centres.get(i)[1] - y);
                if (d < bestD) {
                    bestD = d;
                    best = i;
                }
            }
            return best;
        }
    }
}
