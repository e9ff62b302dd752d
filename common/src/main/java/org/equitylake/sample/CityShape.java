package org.equitylake.sample;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.DoubleUnaryOperator;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Polygon;

/**
 * The city limits: a main body pierced by unincorporated pockets (the holes) and a detached annex,
 * as cities that grew by annexation look. Shapes are built in metres around the centre and turned
 * into WGS84 degrees at the end.
 */
final class CityShape {
    static final double MAIN_RADIUS_M = 5200;
    static final int POCKETS = 4;
    private static final double ANNEX_RADIUS_M = 1400;

    private CityShape() {}

    static MultiPolygon build(long seed, GeometryFactory degrees) {
        SplittableRandom r = Rand.rng(seed, Rand.CITY);
        GeometryFactory metres = new GeometryFactory();
        double p1 = r.nextDouble() * 2 * Math.PI;
        double p2 = r.nextDouble() * 2 * Math.PI;
        double p3 = r.nextDouble() * 2 * Math.PI;
        DoubleUnaryOperator radius = t -> MAIN_RADIUS_M
                * (1 + 0.12 * StrictMath.sin(2 * t + p1) + 0.08 * StrictMath.sin(3 * t + p2) + 0.04 * StrictMath.sin(5 * t + p3));
        Polygon body = metres.createPolygon(blob(0, 0, radius, 160));
        Polygon inner = (Polygon) body.buffer(-350);

        List<Coordinate[]> pockets = new ArrayList<>();
        List<Polygon> placed = new ArrayList<>();
        for (int k = 0; k < POCKETS; k++) {
            for (int attempt = 0; attempt < 500; attempt++) {
                double angle = (k + r.nextDouble() * 0.8) * 2 * Math.PI / POCKETS;
                double distance = (0.25 + 0.45 * r.nextDouble()) * radius.applyAsDouble(angle);
                double size = 300 + 350 * r.nextDouble();
                double q1 = r.nextDouble() * 2 * Math.PI;
                double q2 = r.nextDouble() * 2 * Math.PI;
                Coordinate[] ring = blob(distance * StrictMath.cos(angle), distance * StrictMath.sin(angle),
                        t -> size * (1 + 0.18 * StrictMath.sin(2 * t + q1) + 0.10 * StrictMath.sin(3 * t + q2)), 28);
                Polygon pocket = metres.createPolygon(ring);
                if (inner.contains(pocket) && placed.stream().allMatch(p -> p.distance(pocket) > 600)) {
                    placed.add(pocket);
                    pockets.add(ring);
                    break;
                }
            }
        }

        double annexAngle = r.nextDouble() * 2 * Math.PI;
        double q1 = r.nextDouble() * 2 * Math.PI;
        double q2 = r.nextDouble() * 2 * Math.PI;
        DoubleUnaryOperator annexRadius = t -> ANNEX_RADIUS_M * (1 + 0.15 * StrictMath.sin(2 * t + q1) + 0.07 * StrictMath.sin(3 * t + q2));
        double reach = radius.applyAsDouble(annexAngle) + 700 + ANNEX_RADIUS_M;
        Coordinate[] annex;
        while (true) {
            annex = blob(reach * StrictMath.cos(annexAngle), reach * StrictMath.sin(annexAngle), annexRadius, 60);
            if (body.distance(metres.createPolygon(annex)) >= 600) {
                break;
            }
            reach += 150;
        }

        LinearRing[] holes = pockets.stream().map(c -> degrees.createLinearRing(toDegrees(c))).toArray(LinearRing[]::new);
        Polygon mainPart = degrees.createPolygon(degrees.createLinearRing(toDegrees(body.getExteriorRing().getCoordinates())), holes);
        Polygon annexPart = degrees.createPolygon(toDegrees(annex));
        return degrees.createMultiPolygon(new Polygon[] {mainPart, annexPart});
    }

    /** A closed star-shaped ring around (cx, cy): simple as long as the radius stays positive. */
    static Coordinate[] blob(double cx, double cy, DoubleUnaryOperator radius, int vertices) {
        Coordinate[] ring = new Coordinate[vertices + 1];
        for (int i = 0; i < vertices; i++) {
            double t = 2 * Math.PI * i / vertices;
            double rr = radius.applyAsDouble(t);
            ring[i] = new Coordinate(cx + rr * StrictMath.cos(t), cy + rr * StrictMath.sin(t));
        }
        ring[vertices] = new Coordinate(ring[0]);
        return ring;
    }

    static Coordinate[] toDegrees(Coordinate[] metres) {
        Coordinate[] out = new Coordinate[metres.length];
        for (int i = 0; i < metres.length; i++) {
            out[i] = LocalFrame.degrees(metres[i].x, metres[i].y);
        }
        return out;
    }
}
