package org.equitylake.bench;

/** The three operations compared, each materializing one result table per engine. */
enum SpatialOperation {
    /** Messy addresses to address points on the normalized key: an equi-join. Result: address_id, point_id. */
    ADDRESS_MATCH("address_match"),
    /** Every point to the tract polygon containing it. Result: point_id, geoid. */
    POINT_IN_TRACT("point_in_tract"),
    /** Every point to its nearest program site, with the distance in metres on the WGS84 spheroid. Result: point_id, site_code, distance_m. */
    NEAREST_SITE("nearest_site");

    final String label;

    SpatialOperation(String label) {
        this.label = label;
    }
}
