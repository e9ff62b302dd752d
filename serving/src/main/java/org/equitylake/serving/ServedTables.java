package org.equitylake.serving;

import java.util.List;
import java.util.Set;
import org.equitylake.contracts.Contract;
import org.equitylake.contracts.Contracts;
import org.equitylake.spark.TableId;

/**
 * Which tables the endpoint serves: every contracted silver and gold table, but for the hidden
 * ones. silver_restricted, bronze and ops have no place here, whatever the configuration says.
 */
public final class ServedTables {
    public static final List<String> SCHEMAS = List.of("silver", "gold");

    private ServedTables() {}

    public static List<Contract> of(Contracts contracts, List<String> hiddenTables) {
        Set<String> hidden = Set.copyOf(hiddenTables);
        return contracts.all().stream()
                .filter(c -> SCHEMAS.contains(c.layer()))
                .filter(c -> c.custom("table").isPresent())
                .filter(c -> SCHEMAS.contains(TableId.of(c.requireCustom("table")).schema()))
                .filter(c -> !hidden.contains(c.requireCustom("table")))
                .toList();
    }

    public static TableId table(Contract contract) {
        return TableId.of(contract.requireCustom("table"));
    }
}
