package dev.elements.core.spi.hub;

/** How the application's JSON body travels to the provider. */
public enum RequestBody {
    /** As JSON, unchanged but for reserved members. */
    JSON,
    /**
     * As form fields: strings, numbers and booleans as their text, objects and arrays as JSON text,
     * nulls left out (as Facebook's Graph API takes them).
     */
    FORM
}
