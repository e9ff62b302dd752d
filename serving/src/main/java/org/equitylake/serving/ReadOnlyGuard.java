package org.equitylake.serving;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.SparkSessionExtensions;
import org.apache.spark.sql.catalyst.catalog.HiveTableRelation;
import org.apache.spark.sql.catalyst.expressions.CallMethodViaReflection;
import org.apache.spark.sql.catalyst.expressions.Expression;
import org.apache.spark.sql.catalyst.expressions.SubqueryExpression;
import org.apache.spark.sql.catalyst.plans.logical.Command;
import org.apache.spark.sql.catalyst.plans.logical.LogicalPlan;
import org.apache.spark.sql.catalyst.plans.logical.ScriptTransformation;
import org.apache.spark.sql.connector.catalog.Table;
import org.apache.spark.sql.delta.catalog.DeltaTableV2;
import org.apache.spark.sql.execution.datasources.HadoopFsRelation;
import org.apache.spark.sql.execution.datasources.LogicalRelation;
import org.apache.spark.sql.execution.datasources.v2.DataSourceV2Relation;
import org.apache.spark.sql.execution.datasources.v2.FileTable;
import scala.Function1;
import scala.collection.JavaConverters;
import scala.collection.Seq;
import scala.runtime.AbstractFunction1;
import scala.runtime.BoxedUnit;

/**
 * Keeps JDBC sessions to reading the served tables. The views hide silver_restricted, but Spark
 * SQL would still read any path ({@code delta.`<lake>/silver_restricted/...`}), write, drop views,
 * run shell scripts (Hive's TRANSFORM) or call static Java methods (reflect). This analysis check
 * refuses all of that in every session but the trusted one that registers the views.
 */
public final class ReadOnlyGuard {
    /**
     * Trust travels as a random token in the session's runtime conf: clones (Spark clones a
     * session to cache a frame) copy it, JDBC sessions (new sessions) start without it, and a
     * client cannot SET a value it never sees.
     */
    private static final String TRUST_KEY = "equitylake.sql.trust-token";
    private static final String TOKEN = java.util.UUID.randomUUID() + "-" + java.util.UUID.randomUUID();
    private static final Set<String> ALLOWED_COMMANDS = Set.of(
            "SetCommand", "ResetCommand", "SetCatalogAndNamespace", "SetCatalogCommand", "SetNamespaceCommand");
    private static final List<String> ALLOWED_COMMAND_PREFIXES = List.of("Show", "Describe", "Explain");

    private ReadOnlyGuard() {}

    /** The session that registers the views (and, in tests, runs the jobs) is not checked, nor are its clones. */
    public static void trust(SparkSession session) {
        session.conf().set(TRUST_KEY, TOKEN);
    }

    static boolean isTrusted(SparkSession session) {
        return java.security.MessageDigest.isEqual(TOKEN.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                session.conf().get(TRUST_KEY, "").getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /** Adds the check to every session built from these extensions, JDBC sessions included. */
    public static void install(SparkSessionExtensions extensions, List<String> readablePaths) {
        List<String> readable = readablePaths.stream().map(ReadOnlyGuard::normalize).toList();
        extensions.injectCheckRule(new AbstractFunction1<SparkSession, Function1<LogicalPlan, BoxedUnit>>() {
            @Override
            public Function1<LogicalPlan, BoxedUnit> apply(SparkSession session) {
                return new AbstractFunction1<LogicalPlan, BoxedUnit>() {
                    @Override
                    public BoxedUnit apply(LogicalPlan plan) {
                        if (!isTrusted(session)) {
                            check(plan, readable);
                        }
                        return BoxedUnit.UNIT;
                    }
                };
            }
        });
    }

    /** Throws {@link Refused} for anything but a read of the readable paths, SET, SHOW, DESCRIBE or EXPLAIN. */
    static void check(LogicalPlan plan, List<String> readable) {
        if (plan instanceof Command) {
            String name = plan.getClass().getSimpleName();
            if (!ALLOWED_COMMANDS.contains(name) && ALLOWED_COMMAND_PREFIXES.stream().noneMatch(name::startsWith)) {
                throw new Refused("the SQL endpoint is read-only (" + plan.nodeName() + " refused)");
            }
        }
        if (plan instanceof ScriptTransformation) {
            throw new Refused("TRANSFORM ... USING is not allowed on the SQL endpoint");
        }
        if (plan instanceof LogicalRelation relation) {
            if (!(relation.relation() instanceof HadoopFsRelation files)) {
                throw new Refused("only the lake's served tables can be read (" + relation.relation().getClass().getSimpleName() + ")");
            }
            list(files.location().rootPaths()).forEach(p -> requireReadable(p.toString(), readable));
        } else if (plan instanceof DataSourceV2Relation relation) {
            Table table = relation.table();
            if (table instanceof DeltaTableV2 delta) {
                requireReadable(delta.path().toString(), readable);
            } else if (table instanceof FileTable files) {
                list(files.fileIndex().rootPaths()).forEach(p -> requireReadable(p.toString(), readable));
            } else {
                throw new Refused("only the lake's served tables can be read (" + table.name() + ")");
            }
        } else if (plan instanceof HiveTableRelation hive) {
            requireReadable(hive.tableMeta().location().toString(), readable);
        }
        for (Expression e : list(plan.expressions())) {
            checkExpression(e, readable);
        }
        for (LogicalPlan child : list(plan.children())) {
            check(child, readable);
        }
    }

    private static void checkExpression(Expression e, List<String> readable) {
        if (e instanceof CallMethodViaReflection) {
            throw new Refused("reflect/java_method is not allowed on the SQL endpoint");
        }
        if (e instanceof SubqueryExpression subquery) {
            check(subquery.plan(), readable);
        }
        for (Expression child : list(e.children())) {
            checkExpression(child, readable);
        }
    }

    private static void requireReadable(String path, List<String> readable) {
        String p = normalize(path);
        if (readable.stream().noneMatch(r -> p.equals(r) || p.startsWith(r + "/"))) {
            throw new Refused("not a served table: " + path);
        }
    }

    /** scheme://authority/absolute-path without a trailing slash; a path without a scheme is local. */
    static String normalize(String path) {
        URI uri = new org.apache.hadoop.fs.Path(path).toUri();
        if (uri.getScheme() == null) {
            return "file://" + Path.of(uri.getPath()).toAbsolutePath().normalize();
        }
        String p = uri.getPath().replaceAll("/+$", "");
        return uri.getScheme() + "://" + (uri.getAuthority() == null ? "" : uri.getAuthority()) + p;
    }

    private static <T> List<T> list(Seq<T> seq) {
        return JavaConverters.seqAsJavaList(seq);
    }

    /** A statement the endpoint does not run; the message reaches the JDBC client. */
    public static final class Refused extends RuntimeException {
        Refused(String message) {
            super(message);
        }
    }
}
