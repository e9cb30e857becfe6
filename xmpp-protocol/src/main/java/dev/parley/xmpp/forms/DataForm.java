package dev.parley.xmpp.forms;

import dev.parley.xmpp.xml.XmlElement;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A XEP-0004 data form: type, title, instructions and fields. Used to read what clients submit (ad-hoc commands,
 * configuration) and to build what the server offers.
 */
public record DataForm(Type type, String title, List<String> instructions, List<FormField> fields) {
    public static final String NAMESPACE = "jabber:x:data";

    public enum Type {
        FORM, SUBMIT, CANCEL, RESULT;

        public String wireName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        static Optional<Type> fromWire(String value) {
            for (Type type : values()) {
                if (type.wireName().equals(value)) {
                    return Optional.of(type);
                }
            }
            return Optional.empty();
        }
    }

    public DataForm {
        Objects.requireNonNull(type, "type");
        instructions = List.copyOf(instructions);
        fields = List.copyOf(fields);
    }

    /** Reads a form; empty when the element is not a data form or its type is missing or unknown (XEP-0004 §3.1). */
    public static Optional<DataForm> parse(XmlElement x) {
        if (!x.is("x", NAMESPACE)) {
            return Optional.empty();
        }
        return Type.fromWire(x.attribute("type")).map(type -> {
            List<FormField> fields = new ArrayList<>();
            x.elements("field", NAMESPACE).forEach(field -> fields.add(FormField.parse(field)));
            return new DataForm(type, x.childText("title", NAMESPACE).orElse(null),
                    x.elements("instructions", NAMESPACE).map(XmlElement::text).toList(), fields);
        });
    }

    /** The first data form among an element's children. */
    public static Optional<DataForm> findIn(XmlElement parent) {
        return parent.elements("x", NAMESPACE).findFirst().flatMap(DataForm::parse);
    }

    public Optional<FormField> field(String var) {
        return fields.stream().filter(f -> var.equals(f.var())).findFirst();
    }

    /** Submitted values by field name, for fields that have a name. */
    public Map<String, List<String>> values() {
        Map<String, List<String>> values = new LinkedHashMap<>();
        fields.stream().filter(f -> f.var() != null).forEach(f -> values.put(f.var(), f.values()));
        return values;
    }

    public XmlElement toElement() {
        XmlElement.Builder x = XmlElement.builder("x", NAMESPACE).attribute("type", type.wireName());
        if (title != null) {
            x.textChild("title", title);
        }
        instructions.forEach(line -> x.textChild("instructions", line));
        fields.forEach(field -> x.child(field.toElement()));
        return x.build();
    }
}
