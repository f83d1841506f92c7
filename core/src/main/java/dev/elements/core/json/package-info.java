/**
 * A small JSON tree ({@link dev.elements.core.json.JsonValue}), parser ({@link dev.elements.core.json.Json})
 * and writer, written against the JDK alone.
 *
 * <p>Why core has its own JSON: core depends on the JDK only (DESIGN.md), so that a host embeds it
 * with no library of ours on its class path; yet core itself now speaks to providers (the OAuth2
 * protocol, the hub client), and their answers are parsed once, here, into one tree that core,
 * plugins and declarative elements all read. Modules that own Jackson (the HTTP adapter, the
 * declarative loader) keep it; what crosses into core is this tree.
 *
 * <p>Reading never throws for absent data: {@link dev.elements.core.json.JsonValue#path(String)} and
 * {@link dev.elements.core.json.JsonValue#at(String)} answer {@link dev.elements.core.json.JsonMissing}
 * and the {@code ...Or} readers answer their fallback, so code that reads a provider's answer says
 * what it needs once instead of testing each step.
 */
package dev.elements.core.json;
