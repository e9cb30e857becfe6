package dev.parley.xmpp.forms;

import dev.parley.xmpp.xml.XmlElement;

import java.util.List;

/**
 * One field of a {@link DataForm} (XEP-0004 §3.2); {@code type} and {@code var} may be null as the XEP allows.
 * {@code options} are the choices of a {@code list-single} or {@code list-multi} field (XEP-0004 §3.3).
 */
public record FormField(String var, String type, String label, boolean required, List<String> values,
                        List<Option> options) {
    public static final String FORM_TYPE = "FORM_TYPE";

    /** An {@code <option/>} of a list field: the value submitted and, optionally, a label shown for it. */
    public record Option(String label, String value) {
        public Option {
            java.util.Objects.requireNonNull(value, "value");
        }

        XmlElement toElement() {
            return XmlElement.builder("option", DataForm.NAMESPACE).attribute("label", label)
                    .textChild("value", value).build();
        }
    }

    public FormField {
        values = List.copyOf(values);
        options = List.copyOf(options);
    }

    /** A field without options. */
    public FormField(String var, String type, String label, boolean required, List<String> values) {
        this(var, type, label, required, values, List.of());
    }

    public static FormField hidden(String var, String value) {
        return new FormField(var, "hidden", null, false, List.of(value));
    }

    public static FormField of(String var, String type, String label, boolean required, List<String> values) {
        return new FormField(var, type, label, required, values);
    }

    static FormField parse(XmlElement field) {
        List<Option> options = field.elements("option", DataForm.NAMESPACE)
                .flatMap(option -> option.childText("value", DataForm.NAMESPACE).stream()
                        .map(value -> new Option(option.attribute("label"), value)))
                .toList();
        return new FormField(field.attribute("var"), field.attribute("type"), field.attribute("label"),
                field.child("required", DataForm.NAMESPACE).isPresent(),
                field.elements("value", DataForm.NAMESPACE).map(XmlElement::text).toList(), options);
    }

    public String firstValue() {
        return values.isEmpty() ? null : values.get(0);
    }

    XmlElement toElement() {
        XmlElement.Builder field = XmlElement.builder("field", DataForm.NAMESPACE)
                .attribute("var", var).attribute("type", type).attribute("label", label);
        if (required) {
            field.child(XmlElement.empty("required", DataForm.NAMESPACE));
        }
        values.forEach(value -> field.textChild("value", value));
        options.forEach(option -> field.child(option.toElement()));
        return field.build();
    }
}
