package dev.elements.core.spi.hub;

/** How the application's body travels to the provider. */
public enum RequestBody {
    /** As JSON, unchanged but for reserved members. */
    JSON,
    /**
     * As form fields: strings, numbers and booleans as their text, objects and arrays as JSON text,
     * nulls left out (as Facebook's Graph API takes them).
     */
    FORM,
    /**
     * As sent: a {@code multipart/form-data} upload (a file part and its fields) with its own
     * {@code Content-Type}, byte for byte, once no part is named like a reserved parameter. A
     * resource's choice ({@code ResourceDefinition.takesUploads}), never a profile's: it applies
     * when such a resource is sent a multipart body, and the profile's way applies otherwise.
     */
    MULTIPART
}
