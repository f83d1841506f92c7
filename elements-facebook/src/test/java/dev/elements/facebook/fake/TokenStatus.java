package dev.elements.facebook.fake;

/** Why a token works or not, each case answered with its own Graph error. */
enum TokenStatus {
    /** Usable. */
    VALID,
    /** Past its expiry: code 190, subcode 463. */
    EXPIRED,
    /** The user removed the app: code 190, subcode 458. */
    REVOKED,
    /** Never issued, or garbage: code 190 without subcode. */
    UNKNOWN
}
