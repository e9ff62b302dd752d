package org.equitylake.contracts;

/** A contract is missing, unreadable or says something the jobs cannot use. */
public final class ContractException extends RuntimeException {
    public ContractException(String message) {
        super(message);
    }

    public ContractException(String message, Throwable cause) {
        super(message, cause);
    }
}
