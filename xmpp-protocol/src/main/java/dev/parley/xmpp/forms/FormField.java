package dev.parley.xmpp.forms;

import dev.parley.xmpp.xml.XmlElement;

import java.util.List;

/** One field of a {@link DataForm} (XEP-0004 §3.2); {@code type} and {@code var} may be null as the XEP allows. */
public record FormField(String var, String type, String label, boolean required, List<String> values) {
    public static final String FORM_TYPE = "FORM_TYPE";

    public FormField {
        values = List.copyOf(values);
    }

    public static FormField hidden(String var, String value) {
        return new FormField(var, "hidden", null, false, List.of(value));
    }

    public static FormField of(String var, String type, String label, boolean required, List<String> values) {
        return new FormField(var, type, label, required, values);
    }

    static FormField parse(XmlElement field) {
        return new FormField(field.attribute("var"), field.attribute("type"), field.attribute("label"),
                field.child("required", DataForm.NAMESPACE).isPresent(),
                field.elements("value", DataForm.NAMESPACE).map(XmlElement::text).toList());
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
        return field.build();
    }
}
