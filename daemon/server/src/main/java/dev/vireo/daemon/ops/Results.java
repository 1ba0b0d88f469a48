package dev.vireo.daemon.ops;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

/** Small helpers to build JSON results. */
final class Results {
    private Results() {
    }

    static ObjectNode object() {
        return JsonNodeFactory.instance.objectNode();
    }

    static TextNode text(String s) {
        return TextNode.valueOf(s);
    }
}
