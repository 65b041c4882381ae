package dev.netcost.processor;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Checks a parsed report against {@code docs/report-schema.json}, the part of JSON Schema that
 * file uses: {@code type} (object, array, string, boolean, number, integer), {@code required}, {@code additionalProperties: false}, {@code const},
 * {@code enum}, {@code minimum}, {@code minItems}, {@code items} and local {@code $ref}s. Written
 * for the test so that the schema users read is the one the test holds the output to.
 */
public final class SchemaCheck {
    private final JsonObject root;

    private SchemaCheck(JsonObject root) {
        this.root = root;
    }

    public static SchemaCheck load() throws IOException {
        Path schema = Path.of("..", "docs", "report-schema.json");
        return new SchemaCheck(JsonParser.parseString(Files.readString(schema)).getAsJsonObject());
    }

    /** Every violation, as {@code $.layers[3].macs: ...}; empty when the document conforms. */
    public List<String> violations(JsonElement document) {
        List<String> out = new ArrayList<>();
        check(root, document, "$", out);
        return out;
    }

    private void check(JsonObject schema, JsonElement value, String at, List<String> out) {
        if (schema.has("$ref")) {
            String ref = schema.get("$ref").getAsString(); // "#/$defs/shape"
            JsonObject target = root;
            for (String part : ref.substring(2).split("/")) {
                target = target.getAsJsonObject(part);
            }
            check(target, value, at, out);
            return;
        }
        if (schema.has("const") && !schema.get("const").equals(value)) {
            out.add(at + ": " + value + " is not " + schema.get("const"));
        }
        if (schema.has("enum") && !schema.getAsJsonArray("enum").contains(value)) {
            out.add(at + ": " + value + " is not one of " + schema.get("enum"));
        }
        if (schema.has("type") && !hasType(value, schema.get("type").getAsString())) {
            out.add(at + ": " + value + " is not of type " + schema.get("type"));
            return;
        }
        if (schema.has("minimum") && value.isJsonPrimitive()
                && value.getAsBigDecimal().compareTo(schema.get("minimum").getAsBigDecimal()) < 0) {
            out.add(at + ": " + value + " is below " + schema.get("minimum"));
        }
        if (value.isJsonArray()) {
            if (schema.has("minItems") && value.getAsJsonArray().size() < schema.get("minItems").getAsInt()) {
                out.add(at + ": fewer than " + schema.get("minItems") + " items");
            }
            if (schema.has("items")) {
                for (int i = 0; i < value.getAsJsonArray().size(); i++) {
                    check(schema.getAsJsonObject("items"), value.getAsJsonArray().get(i), at + "[" + i + "]", out);
                }
            }
        }
        if (value.isJsonObject()) {
            JsonObject object = value.getAsJsonObject();
            if (schema.has("required")) {
                for (JsonElement key : schema.getAsJsonArray("required")) {
                    if (!object.has(key.getAsString())) {
                        out.add(at + ": missing " + key.getAsString());
                    }
                }
            }
            JsonObject properties = schema.has("properties") ? schema.getAsJsonObject("properties") : new JsonObject();
            for (Map.Entry<String, JsonElement> member : object.entrySet()) {
                if (properties.has(member.getKey())) {
                    check(properties.getAsJsonObject(member.getKey()), member.getValue(), at + "." + member.getKey(),
                            out);
                } else if (schema.has("additionalProperties") && !schema.get("additionalProperties").getAsBoolean()) {
                    out.add(at + ": unexpected " + member.getKey());
                }
            }
        }
    }

    private static boolean hasType(JsonElement value, String type) {
        return switch (type) {
            case "object" -> value.isJsonObject();
            case "array" -> value.isJsonArray();
            case "string" -> value.isJsonPrimitive() && value.getAsJsonPrimitive().isString();
            case "boolean" -> value.isJsonPrimitive() && value.getAsJsonPrimitive().isBoolean();
            case "number" -> value.isJsonPrimitive() && value.getAsJsonPrimitive().isNumber();
            case "integer" -> value.isJsonPrimitive() && value.getAsJsonPrimitive().isNumber()
                    && value.getAsBigDecimal().stripTrailingZeros().scale() <= 0;
            default -> throw new IllegalArgumentException("type " + type);
        };
    }
}
