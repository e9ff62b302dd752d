package org.equitylake.jobs.silver;

import static org.apache.spark.sql.functions.udf;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.types.DataTypes;

/**
 * Keyed pseudonyms (HMAC-SHA256, RFC 2104): stable for the same input and key, not reversible or
 * recomputable without the key, unlike a plain hash of a name. Spark has no native HMAC, hence the UDF.
 */
public final class Pseudonyms {
    private final UserDefinedFunction hmac;
    private final String key;

    public Pseudonyms(String key) {
        if (key == null || key.isBlank()) {
            throw new IllegalArgumentException("the pseudonymisation key is empty");
        }
        this.key = key;
        this.hmac = udf((UDF1<String, String>) value -> value == null ? null : hex(key, value), DataTypes.StringType);
    }

    /** A 32-hex-character keyed pseudonym of the value, in a namespace so keys of different kinds never collide. */
    public Column of(String namespace, Column value) {
        Column joined = org.apache.spark.sql.functions.concat(org.apache.spark.sql.functions.lit(namespace + "\u001f"), value);
        return hmac.apply(joined); // concat of a null value is null, so a missing value has no pseudonym
    }

    /** The same pseudonym computed outside Spark (tests, checks). */
    public String of(String namespace, String value) {
        return hex(key, namespace + "\u001f" + value);
    }

    static String hex(String key, String value) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] digest = mac.doFinal(value.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
