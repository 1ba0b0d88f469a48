package dev.vireo.cli;

/**
 * One positional argument of a command; a variadic one takes every remaining word (at least one),
 * an optional one may be left out (only the last ones may be optional).
 */
record ParamSpec(String label, boolean variadic, boolean optional, String description) {
}
