package dev.elements.core.connect;

/** Where a hosted connect session stands. */
public enum ConnectSessionStatus {
    /** Made; its user has not come back from the provider yet. */
    PENDING,
    /** Its user logged in and the instance exists. */
    CONNECTED,
    /** Its user refused, it expired, or the provider or the platform failed. */
    FAILED
}
