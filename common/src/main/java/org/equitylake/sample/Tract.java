package org.equitylake.sample;

import org.locationtech.jts.geom.Polygon;

/**
 * A census tract with its TIGER attributes. {@code centreX}/{@code centreY} are metres from the
 * city centre; {@code cityShare} is the share of its area inside the city limits.
 */
record Tract(int index, String tractce, String geoid, String name, String namelsad, Polygon polygon,
             long aland, long awater, String intptlat, String intptlon,
             double centreX, double centreY, double cityShare) {
    static final String STATEFP = "06";
    static final String COUNTYFP = "999";
    static final String COUNTY_NAME = "Costa Verde County";
    static final String STATE_NAME = "California";
    static final String MTFCC = "G5020";
    static final String FUNCSTAT = "S";

    /** The ACS GEO_ID of a tract: summary level 140, geographic component 00, "US", then the GEOID. */
    String acsGeoId() {
        return "1400000US" + geoid;
    }
}
