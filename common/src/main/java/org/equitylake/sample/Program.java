package org.equitylake.sample;

/** The two programs of the sample city, by the code the configuration and the contracts use. */
enum Program {
    CHILDCARE("childcare"),
    HOUSING_GRANT("housing_grant");

    final String code;

    Program(String code) {
        this.code = code;
    }
}
