package dev.vireo.cli;

/** One positional argument of a command; a variadic one takes every remaining word (at least one). */
record ParamSpec(String label, boolean variadic, String description) {
}
