package dev.parley.server.admin;

import java.util.List;
import java.util.Optional;

/**
 * One input or output of an {@link AdminCommand}. The types are those of XEP-0004 data forms, which the XEP-0133
 * front end uses as they are; the CLI and the HTTP API read them as plain strings. {@code options} are the values a
 * {@code list-single} field offers (XEP-0004 §3.3); empty for the other types.
 */
public record AdminField(String var, String label, Type type, boolean required, List<String> options) {
    public enum Type {
        JID_SINGLE("jid-single"), JID_MULTI("jid-multi"), TEXT_SINGLE("text-single"), TEXT_PRIVATE("text-private"),
        TEXT_MULTI("text-multi"), LIST_SINGLE("list-single"), BOOLEAN("boolean");

        private final String formType;

        Type(String formType) {
            this.formType = formType;
        }

        /** The XEP-0004 field type. */
        public String formType() {
            return formType;
        }

        /** True for the types that hold any number of values. */
        public boolean multiValued() {
            return this == JID_MULTI || this == TEXT_MULTI;
        }

        /** The type of an XEP-0004 type name; empty for the types admin commands do not use. */
        public static Optional<Type> fromFormType(String formType) {
            for (Type type : values()) {
                if (type.formType.equals(formType)) {
                    return Optional.of(type);
                }
            }
            return Optional.empty();
        }
    }

    public AdminField {
        options = List.copyOf(options);
        if (!options.isEmpty() && type != Type.LIST_SINGLE) {
            throw new IllegalArgumentException("only list-single fields have options: " + var);
        }
    }

    /** A field without options. */
    public AdminField(String var, String label, Type type, boolean required) {
        this(var, label, type, required, List.of());
    }

    public static AdminField required(String var, String label, Type type) {
        return new AdminField(var, label, type, true);
    }

    public static AdminField optional(String var, String label, Type type) {
        return new AdminField(var, label, type, false);
    }

    /** An optional {@code list-single} field offering {@code options}. */
    public static AdminField choice(String var, String label, List<String> options) {
        return new AdminField(var, label, Type.LIST_SINGLE, false, options);
    }
}
