package dev.parley.server.admin;

import dev.parley.xmpp.jid.Jid;
import dev.parley.xmpp.jid.JidFormatException;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** The values a front end collected for a command's fields, with checked accessors that fail with readable messages. */
public record AdminArguments(Map<String, List<String>> values) {
    public AdminArguments {
        values = Map.copyOf(values);
    }

    public static AdminArguments of(Map<String, String> single) {
        return new AdminArguments(single.entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> List.of(e.getValue()))));
    }

    /**
     * These arguments, refused when they name a field {@code command} does not have: a front end that takes names
     * from people reports a misspelt field instead of ignoring it.
     */
    public AdminArguments checkedAgainst(AdminCommand command) {
        Set<String> known = command.fields().stream().map(AdminField::var)
                .collect(Collectors.toCollection(java.util.LinkedHashSet::new));
        for (String var : new TreeSet<>(values.keySet())) {
            if (!known.contains(var)) {
                throw badRequest("'" + var + "' is not a field of " + command.name() + "; its fields are " + known);
            }
        }
        return this;
    }

    public String text(String var) {
        List<String> list = values.getOrDefault(var, List.of());
        if (list.isEmpty() || list.get(0).isEmpty()) {
            throw badRequest("'" + var + "' is required");
        }
        return list.get(0);
    }

    public String optionalText(String var) {
        List<String> list = values.getOrDefault(var, List.of());
        return list.isEmpty() ? null : list.get(0);
    }

    /** A {@code text-multi} field's lines as one text (XEP-0004 §3.3: one value per line); required, not blank. */
    public String lines(String var) {
        String text = String.join("\n", values.getOrDefault(var, List.of()));
        if (text.isBlank()) {
            throw badRequest("'" + var + "' is required");
        }
        return text;
    }

    public Jid jid(String var) {
        return parse(var, text(var));
    }

    /** The JIDs of a {@code jid-multi} field, each once, in the order given; at least one is required. */
    public List<Jid> jids(String var) {
        List<String> list = values.getOrDefault(var, List.of());
        if (list.isEmpty()) {
            throw badRequest("'" + var + "' is required");
        }
        return list.stream().map(text -> parse(var, text)).distinct().toList();
    }

    private static Jid parse(String var, String text) {
        try {
            return Jid.parse(text);
        } catch (JidFormatException e) {
            throw badRequest("'" + var + "' is not a valid JID: " + e.getMessage());
        }
    }

    private static AdminCommandException badRequest(String message) {
        return new AdminCommandException(AdminCommandException.Reason.BAD_REQUEST, message);
    }
}
