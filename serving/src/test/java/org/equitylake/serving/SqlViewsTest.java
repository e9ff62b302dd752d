package org.equitylake.serving;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.MetadataBuilder;
import org.apache.spark.sql.types.StructType;
import org.equitylake.cli.EquityLake;
import org.equitylake.contracts.Contract;
import org.equitylake.contracts.Contracts;
import org.junit.jupiter.api.Test;

/** What gets served and how a view is written, without Spark. */
class SqlViewsTest {
    private static final String CONTRACT = """
            apiVersion: v3.0.2
            kind: DataContract
            id: silver-places
            name: places
            description:
              purpose: Places, one row each; it's a test.
            customProperties:
              - property: layer
                value: silver
              - property: table
                value: silver.places
            schema:
              - name: places
                properties:
                  - name: place_id
                    physicalType: string
                    classification: public
                    description: The place's id.
                  - name: unit_number
                    physicalType: string
                    classification: restricted
                    description: A unit.
            """;

    @Test
    void servedTablesAreSilverAndGoldLessTheHiddenOnes() {
        List<String> served = ServedTables.of(Contracts.bundled(), List.of("silver.quarantine")).stream()
                .map(c -> c.requireCustom("table")).toList();
        assertTrue(served.contains("gold.reach") && served.contains("silver.enrolments"), served::toString);
        assertFalse(served.contains("silver.quarantine"));
        assertTrue(served.stream().allMatch(t -> t.startsWith("silver.") || t.startsWith("gold.")), served::toString);
        assertEquals(13, served.stream().filter(t -> t.startsWith("gold.")).count());
    }

    @Test
    void viewListsTheTableColumnsWithContractCommentsAndLeavesRestrictedOnesOut() {
        Contract contract = Contracts.parse(new ByteArrayInputStream(CONTRACT.getBytes(StandardCharsets.UTF_8)), "places.yaml");
        StructType table = new StructType()
                .add("place_id", DataTypes.StringType)
                .add("unit_number", DataTypes.StringType)
                .add("added_later", DataTypes.IntegerType, true, new MetadataBuilder().putString("comment", "From Delta.").build())
                .add("bare", DataTypes.IntegerType);
        ViewDefinition view = ViewDefinition.of(contract, "/lake/silver/places", table);
        assertEquals(List.of(new ViewDefinition.Column("place_id", "The place's id."),
                new ViewDefinition.Column("added_later", "From Delta."), new ViewDefinition.Column("bare", "")), view.columns());
        assertEquals("""
                CREATE OR REPLACE VIEW `silver`.`places` (
                  `place_id` COMMENT 'The place\\'s id.',
                  `added_later` COMMENT 'From Delta.',
                  `bare`)
                COMMENT 'Places, one row each; it\\'s a test.'
                TBLPROPERTIES ('equity_lake.source' = '/lake/silver/places')
                AS SELECT `place_id`, `added_later`, `bare` FROM delta.`/lake/silver/places`""", view.createSql());
    }

    @Test
    void columnCommentsFitTheMetastore() {
        assertEquals("short", ViewDefinition.metastoreComment("short"));
        String longer = ViewDefinition.metastoreComment("x".repeat(300));
        assertEquals(256, longer.length());
        assertTrue(longer.endsWith("\u2026"));
    }

    @Test
    void guardComparesPathsWithTheirScheme() {
        assertEquals("file:///lake/gold/reach", ReadOnlyGuard.normalize("file:/lake/gold/reach/"));
        assertEquals("file:///lake/gold/reach", ReadOnlyGuard.normalize("/lake/gold/reach"));
        assertEquals("s3a://bucket/lake/gold", ReadOnlyGuard.normalize("s3a://bucket/lake/gold"));
    }

    @Test
    void serveSqlIsACommandOfTheCli() {
        assertEquals(0, EquityLake.execute("serve-sql", "--help"));
    }
}
