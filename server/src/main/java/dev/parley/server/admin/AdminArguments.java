package dev.parley.server.admin;

import dev.parley.xmpp.jid.Jid;
import dev.parley.xmpp.jid.JidFormatException;

import java.util.List;
import java.util.Map;

/** The values a front end collected for a command's fields, with checked accessors that fail with readable messages. */
public record AdminArguments(Map<String, List<String>> values) {
    public AdminArguments {
        values = Map.copyOf(values);
    }

    public static AdminArguments of(Map<String, String> single) {
        return new AdminArguments(single.entrySet().stream()
                .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, e -> List.of(e.getValue()))));
    }

    public String text(String var) {
        List<String> list = values.getOrDefault(var, List.of());
        if (list.isEmpty() || list.get(0).isEmpty()) {
            throw new AdminCommandException(AdminCommandException.Reason.BAD_REQUEST, "'" + var + "' is required");
        }
        return list.get(0);
    }

    public String optionalText(String var) {
        List<String> list = values.getOrDefault(var, List.of());
        return list.isEmpty() ? null : list.get(0);
    }

    public Jid jid(String var) {
        return parse(var, text(var));
    }

    public List<Jid> jids(String var) {
        List<String> list = values.getOrDefault(var, List.of());
        if (list.isEmpty()) {
            throw new AdminCommandException(AdminCommandException.Reason.BAD_REQUEST, "'" + var + "' is required");
        }
        return list.stream().map(text -> parse(var, text)).toList();
    }

    private static Jid parse(String var, String text) {
        try {
            return Jid.parse(text);
        } catch (JidFormatException e) {
            throw new AdminCommandException(AdminCommandException.Reason.BAD_REQUEST,
                    "'" + var + "' is not a valid JID: " + e.getMessage());
        }
    }
}
