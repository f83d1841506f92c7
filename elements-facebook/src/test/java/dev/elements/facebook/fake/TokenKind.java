package dev.elements.facebook.fake;

/** The three kinds of access token {@code /debug_token} tells apart in its {@code type} field. */
enum TokenKind {
    USER, PAGE, APP
}
