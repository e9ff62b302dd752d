package org.equitylake.spark;

/** A table of the lake: {@code schema.name}, stored at {@code <lake root>/<schema>/<name>}. */
public record TableId(String schema, String name) {
    public static TableId of(String qualified) {
        int dot = qualified.indexOf('.');
        if (dot < 1 || dot == qualified.length() - 1) {
            throw new IllegalArgumentException("table id must be schema.name, was " + qualified);
        }
        return new TableId(qualified.substring(0, dot), qualified.substring(dot + 1));
    }

    @Override
    public String toString() {
        return schema + "." + name;
    }
}
