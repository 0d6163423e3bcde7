package city.beacon.infra.hostile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Turns a valid request body into bodies that are each wrong in one stated way: name → bytes, plus the field a 400
 * must name (or null). Every mutation is invalid by construction, so no generated body can be accepted legitimately.
 */
final class JsonMutations {
    static final String SCRIPT = "<script>alert(1337)</script>";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private final Random random;

    JsonMutations(Random random) {
        this.random = random;
    }

    record Mutation(String kind, byte[] body, String field) { }

    /** Mutations of one field of the body. */
    List<Mutation> ofField(ObjectNode valid, Field field) {
        var wrong = new LinkedHashMap<String, JsonNode>();
        switch (field.type()) {
            case TEXT -> {
                wrong.put("number", NODES.numberNode(123));
                wrong.put("boolean", NODES.booleanNode(true));
                wrong.put("array", NODES.arrayNode().add("x"));
                wrong.put("object", NODES.objectNode().put("x", "y"));
                wrong.put("over-long", NODES.textNode("x".repeat((int) field.limit() + 1)));
                wrong.put("nul-char", NODES.textNode("before\u0000after"));
                if (field.required()) {
                    wrong.put("blank", NODES.textNode("   "));
                }
            }
            case ENUM -> {
                wrong.put("ordinal", NODES.numberNode(4));
                wrong.put("unknown", NODES.textNode("NOT_A_VALUE"));
                wrong.put("lowercase", NODES.textNode("minor"));
                wrong.put("script", NODES.textNode(SCRIPT));
                wrong.put("empty", NODES.textNode(""));
                wrong.put("boolean", NODES.booleanNode(true));
                wrong.put("array", NODES.arrayNode().add("MINOR"));
            }
            case NUMBER -> {
                wrong.put("numeric-string", NODES.textNode("31.5"));
                wrong.put("word", NODES.textNode("north"));
                wrong.put("boolean", NODES.booleanNode(true));
                wrong.put("array", NODES.arrayNode().add(1));
                wrong.put("object", NODES.objectNode());
                wrong.put("too-large", NODES.numberNode(field.limit() + 0.0001));
                wrong.put("too-small", NODES.numberNode(-field.limit() - 0.0001));
                wrong.put("overflow", NODES.rawValueNode(new com.fasterxml.jackson.databind.util.RawValue("1e400")));
            }
            case BOOLEAN -> {
                wrong.put("empty-string", NODES.textNode(""));
                wrong.put("string", NODES.textNode("true"));
                wrong.put("number", NODES.numberNode(1));
                wrong.put("null", NODES.nullNode());
            }
            case OBJECT -> {
                wrong.put("string", NODES.textNode("x"));
                wrong.put("number", NODES.numberNode(1));
                wrong.put("array", NODES.arrayNode());
            }
            case ARRAY -> {
                wrong.put("object", NODES.objectNode());
                wrong.put("string", NODES.textNode("x"));
                wrong.put("over-long", copies(firstElement(valid, field), (int) field.limit() + 1));
                wrong.put("huge", copies(firstElement(valid, field), 60_000));
            }
        }
        if (field.required()) {
            wrong.put("null", NODES.nullNode());
        }
        var mutations = new ArrayList<Mutation>();
        wrong.forEach((name, value) -> mutations.add(new Mutation("field:" + field.path() + ":" + name,
                bytes(with(valid, field.path(), value)), field.path())));
        if (field.required()) {
            mutations.add(new Mutation("field:" + field.path() + ":missing", bytes(without(valid, field.path())),
                    field.path()));
        }
        return mutations;
    }

    /** Mutations of the body as a whole; {@code firstField} is a required top-level field, for duplicates. */
    List<Mutation> ofBody(ObjectNode valid, String firstField) {
        String text = valid.toString();
        var all = new ArrayList<Mutation>();
        all.add(new Mutation("json:empty-body", new byte[0], null));
        all.add(new Mutation("json:whitespace", bytes(" \n\t "), null));
        all.add(new Mutation("json:null", bytes("null"), null));
        all.add(new Mutation("json:top-level-array", bytes("[" + text + "]"), null));
        all.add(new Mutation("json:top-level-string", bytes("\"" + SCRIPT + "\""), null));
        all.add(new Mutation("json:top-level-number", bytes("42"), null));
        all.add(new Mutation("json:single-quotes", bytes(text.replace('"', '\'')), null));
        all.add(new Mutation("json:comment", bytes("/* hi */" + text), null));
        all.add(new Mutation("json:unquoted-keys", bytes(text.replaceAll("\"([a-zA-Z]+)\":", "$1:")), null));
        all.add(new Mutation("json:trailing-comma", bytes(text.substring(0, text.length() - 1) + ",}"), null));
        all.add(new Mutation("json:trailing-garbage", bytes(text + " garbage"), null));
        all.add(new Mutation("json:second-document", bytes(text + text), null));
        all.add(new Mutation("json:invalid-utf8", concat(bytes(text.substring(0, text.length() - 1) + ",\"x\":\""),
                new byte[]{(byte) 0xC3, (byte) 0x28, (byte) 0xFF}, bytes("\"}")), null));
        all.add(new Mutation("json:xml", bytes("<?xml version=\"1.0\"?><report><summary>x</summary></report>"), null));
        all.add(new Mutation("json:duplicate-key:" + firstField, bytes("{\"" + firstField + "\":"
                + valid.get(firstField) + "," + text.substring(1)), firstField));
        all.add(new Mutation("json:deep-array-2000", bytes("{\"" + firstField + "\":" + "[".repeat(2000)
                + "]".repeat(2000) + "}"), null));
        all.add(new Mutation("json:deep-object-3000", bytes("{\"a\":".repeat(3000) + "1" + "}".repeat(3000)), null));
        all.add(new Mutation("json:deep-array-100000", bytes("[".repeat(100_000) + "]".repeat(100_000)), null));
        return all;
    }

    /**
     * A valid body cut short and followed by noise that holds no closing bracket or quote, so it can never become a
     * complete document again.
     */
    Mutation truncatedWithNoise(ObjectNode valid) {
        String text = valid.toString();
        int cut = 1 + random.nextInt(text.length() - 2);
        var noise = new StringBuilder();
        String alphabet = "abc019:,{[ \\\t\n-+.eE\u00e9\u4e8b<>&;%";
        for (int i = random.nextInt(12); i > 0; i--) {
            noise.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return new Mutation("json:truncated-with-noise", bytes(text.substring(0, cut) + noise), null);
    }

    /** A body of about {@code size} bytes that is otherwise valid: the named text field holds it all. */
    static byte[] huge(ObjectNode valid, String textField, int size) {
        return bytes(with(valid, textField, NODES.textNode("x".repeat(size))));
    }

    static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    static byte[] bytes(JsonNode node) {
        try {
            return JSON.writeValueAsBytes(node);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static ObjectNode with(ObjectNode valid, String path, JsonNode value) {
        var copy = valid.deepCopy();
        String[] parts = path.split("\\.");
        ObjectNode parent = copy;
        for (int i = 0; i < parts.length - 1; i++) {
            parent = (ObjectNode) parent.get(parts[i]);
        }
        parent.set(parts[parts.length - 1], value);
        return copy;
    }

    static ObjectNode without(ObjectNode valid, String path) {
        var copy = valid.deepCopy();
        String[] parts = path.split("\\.");
        ObjectNode parent = copy;
        for (int i = 0; i < parts.length - 1; i++) {
            parent = (ObjectNode) parent.get(parts[i]);
        }
        parent.remove(parts[parts.length - 1]);
        return copy;
    }

    private static JsonNode firstElement(ObjectNode valid, Field field) {
        JsonNode node = valid;
        for (String part : field.path().split("\\.")) {
            node = node.get(part);
        }
        return node.get(0);
    }

    private static ArrayNode copies(JsonNode element, int count) {
        var array = NODES.arrayNode(count);
        for (int i = 0; i < count; i++) {
            array.add(element);
        }
        return array;
    }

    private static byte[] concat(byte[]... parts) {
        int length = 0;
        for (byte[] part : parts) {
            length += part.length;
        }
        byte[] all = new byte[length];
        int at = 0;
        for (byte[] part : parts) {
            System.arraycopy(part, 0, all, at, part.length);
            at += part.length;
        }
        return all;
    }

    static Map<String, String> json(Map<String, String> headers) {
        var all = new LinkedHashMap<>(headers);
        all.put("Content-Type", "application/json");
        return all;
    }
}
