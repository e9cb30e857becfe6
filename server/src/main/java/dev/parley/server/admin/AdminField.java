package dev.parley.server.admin;

/**
 * One input or output of an {@link AdminCommand}. The types are those of XEP-0004 data forms, which the XEP-0133
 * front end uses as they are; the CLI and the HTTP API read them as plain strings.
 */
public record AdminField(String var, String label, Type type, boolean required) {
    public enum Type {
        JID_SINGLE("jid-single"), JID_MULTI("jid-multi"), TEXT_SINGLE("text-single"), TEXT_PRIVATE("text-private"),
        TEXT_MULTI("text-multi"), BOOLEAN("boolean");

        private final String formType;

        Type(String formType) {
            this.formType = formType;
        }

        /** The XEP-0004 field type. */
        public String formType() {
            return formType;
        }
    }

    public static AdminField required(String var, String label, Type type) {
        return new AdminField(var, label, type, true);
    }

    public static AdminField optional(String var, String label, Type type) {
        return new AdminField(var, label, type, false);
    }
}
