package org.equitylake.sample;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.locationtech.jts.algorithm.InteriorPointArea;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.operation.overlayng.OverlayNG;
import org.locationtech.jts.operation.overlayng.OverlayNGRobust;

/**
 * Census tracts that tile: a lattice of jittered vertices is cut into rectangles of cells (small
 * near the dense centre, larger outside), and each tract's ring walks the lattice vertices along
 * its edges. Neighbours therefore share exactly the same vertices: no gaps, no overlaps. Only the
 * tracts that touch the city are kept, so tracts on the edge are partly outside it.
 */
final class TractGrid {
    private static final double JITTER = 0.22;

    private TractGrid() {}

    static List<Tract> build(long seed, MultiPolygon city, GeometryFactory gf, double cellMetres) {
        Envelope env = city.getEnvelopeInternal();
        double minX = Math.floor(LocalFrame.x(env.getMinX()) / cellMetres) * cellMetres - cellMetres;
        double minY = Math.floor(LocalFrame.y(env.getMinY()) / cellMetres) * cellMetres - cellMetres;
        int nx = (int) Math.ceil((LocalFrame.x(env.getMaxX()) - minX) / cellMetres) + 1;
        int ny = (int) Math.ceil((LocalFrame.y(env.getMaxY()) - minY) / cellMetres) + 1;

        Coordinate[][] vertex = new Coordinate[nx + 1][ny + 1];
        for (int a = 0; a <= nx; a++) {
            for (int b = 0; b <= ny; b++) {
                long k = Rand.key(seed, Rand.TRACTS, a, b);
                double jx = (Rand.unit(Rand.mix(k)) - 0.5) * 2 * JITTER * cellMetres;
                double jy = (Rand.unit(Rand.mix(k + 1)) - 0.5) * 2 * JITTER * cellMetres;
                vertex[a][b] = LocalFrame.degrees(minX + a * cellMetres + jx, minY + b * cellMetres + jy);
            }
        }

        SplittableRandom r = Rand.rng(seed, Rand.TRACTS, -1);
        boolean[][] taken = new boolean[nx][ny];
        List<Polygon> blocks = new ArrayList<>();
        for (int j = ny - 1; j >= 0; j--) {
            for (int i = 0; i < nx; i++) {
                if (taken[i][j]) {
                    continue;
                }
                double cx = minX + (i + 0.5) * cellMetres;
                double cy = minY + (j + 0.5) * cellMetres;
                double d = Math.hypot(cx, cy);
                double u = r.nextDouble();
                int w;
                int h;
                if (d < 2300) {
                    w = 1;
                    h = 1;
                } else if (d < 4300) {
                    w = u < 0.4 ? 2 : 1;
                    h = u >= 0.4 && u < 0.8 ? 2 : 1;
                } else {
                    w = u < 0.8 ? 2 : 1;
                    h = u < 0.6 || u >= 0.8 ? 2 : 1;
                }
                while (!fits(taken, i, j, w, h)) {
                    if (w >= h && w > 1) {
                        w--;
                    } else {
                        h--;
                    }
                }
                for (int a = i; a < i + w; a++) {
                    for (int b = j - h + 1; b <= j; b++) {
                        taken[a][b] = true;
                    }
                }
                blocks.add(gf.createPolygon(ring(vertex, i, j - h + 1, w, h)));
            }
        }
        return number(seed, blocks, city, gf);
    }

    private static boolean fits(boolean[][] taken, int i, int top, int w, int h) {
        if (i + w > taken.length || top - h + 1 < 0) {
            return false;
        }
        for (int a = i; a < i + w; a++) {
            for (int b = top - h + 1; b <= top; b++) {
                if (taken[a][b]) {
                    return false;
                }
            }
        }
        return true;
    }

    /** Counter-clockwise ring over every lattice vertex on the block's boundary. */
    private static Coordinate[] ring(Coordinate[][] v, int i, int j, int w, int h) {
        List<Coordinate> ring = new ArrayList<>();
        for (int a = i; a < i + w; a++) {
            ring.add(v[a][j]);
        }
        for (int b = j; b < j + h; b++) {
            ring.add(v[i + w][b]);
        }
        for (int a = i + w; a > i; a--) {
            ring.add(v[a][j + h]);
        }
        for (int b = j + h; b > j; b--) {
            ring.add(v[i][b]);
        }
        ring.add(v[i][j]);
        return ring.stream().map(Coordinate::new).toArray(Coordinate[]::new);
    }

    /**
     * Keeps the blocks touching the city or one of its pockets (so the tracts have no holes) and
     * numbers them as the Census Bureau would: 5001, 5002, 5003.01, 5003.02, ...
     */
    private static List<Tract> number(long seed, List<Polygon> blocks, MultiPolygon city, GeometryFactory gf) {
        SplittableRandom r = Rand.rng(seed, Rand.TRACTS, -2);
        Polygon[] shells = new Polygon[city.getNumGeometries()];
        for (int i = 0; i < shells.length; i++) {
            shells[i] = gf.createPolygon(((Polygon) city.getGeometryN(i)).getExteriorRing().getCoordinates());
        }
        MultiPolygon filled = gf.createMultiPolygon(shells);
        List<Polygon> kept = new ArrayList<>();
        List<Double> shares = new ArrayList<>();
        for (Polygon block : blocks) {
            if (!block.intersects(filled)) {
                continue;
            }
            double inside = OverlayNGRobust.overlay(block, city, OverlayNG.INTERSECTION).getArea();
            if (OverlayNGRobust.overlay(block, filled, OverlayNG.INTERSECTION).getArea() > 0) {
                kept.add(block);
                shares.add(Math.min(1.0, inside / block.getArea()));
            }
        }
        List<Tract> tracts = new ArrayList<>();
        int base = 5001;
        int suffix = 0;
        for (int t = 0; t < kept.size(); t++) {
            if (suffix == 0 && t + 1 < kept.size() && r.nextDouble() < 0.2) {
                suffix = 1;
            }
            String tractce = String.format(Locale.ROOT, "%04d%02d", base, suffix);
            String name = suffix == 0 ? Integer.toString(base) : String.format(Locale.ROOT, "%d.%02d", base, suffix);
            if (suffix == 1) {
                suffix = 2;
            } else {
                suffix = 0;
                base++;
            }
            Polygon p = kept.get(t);
            double area = LocalFrame.squareMetres(p.getArea());
            long awater = r.nextDouble() < 0.12 ? Math.round(area * (0.01 + 0.07 * r.nextDouble())) : 0;
            Point interior = gf.createPoint(InteriorPointArea.getInteriorPoint(p));
            Point centroid = p.getCentroid();
            tracts.add(new Tract(t, tractce, Tract.STATEFP + Tract.COUNTYFP + tractce, name, "Census Tract " + name, p,
                    Math.round(area) - awater, awater,
                    String.format(Locale.ROOT, "%+.7f", LocalFrame.round7(interior.getY())),
                    String.format(Locale.ROOT, "%+.7f", LocalFrame.round7(interior.getX())),
                    LocalFrame.x(centroid.getX()), LocalFrame.y(centroid.getY()), shares.get(t)));
        }
        return tracts;
    }
}
