package dev.parley.server.archive;

import dev.parley.xmpp.Namespaces;
import dev.parley.xmpp.jid.Jid;
import dev.parley.xmpp.xml.XmlElement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * An account's archiving preferences (XEP-0441 §3): a default (always, never, roster) and JIDs always or never
 * archived. Matching follows §4.2: a listed full JID matches that resource only, a listed bare JID every resource;
 * for default {@code roster} the other party's bare JID is looked up. A JID on both lists is not archived.
 */
record ArchivePrefs(Default defaultPolicy, List<Jid> always, List<Jid> never) {
    /** Most JIDs over both lists; a longer set is refused, so the preferences stay small. */
    static final int MAX_JIDS = 1000;
    static final ArchivePrefs ALWAYS = new ArchivePrefs(Default.ALWAYS, List.of(), List.of());

    enum Default {
        ALWAYS, NEVER, ROSTER;

        String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }

        static Optional<Default> fromWire(String value) {
            for (Default d : values()) {
                if (d.wireName().equals(value)) {
                    return Optional.of(d);
                }
            }
            return Optional.empty();
        }
    }

    /** What archiving {@code target} takes: a decision, or a roster lookup under the {@code roster} default. */
    enum Verdict { ARCHIVE, SKIP, IF_IN_ROSTER }

    ArchivePrefs {
        always = List.copyOf(always);
        never = List.copyOf(never);
    }

    Verdict verdict(Jid target) {
        if (listed(never, target)) {
            return Verdict.SKIP;
        }
        if (listed(always, target)) {
            return Verdict.ARCHIVE;
        }
        return switch (defaultPolicy) {
            case ALWAYS -> Verdict.ARCHIVE;
            case NEVER -> Verdict.SKIP;
            case ROSTER -> Verdict.IF_IN_ROSTER;
        };
    }

    private static boolean listed(List<Jid> list, Jid target) {
        return list.stream().anyMatch(jid -> jid.isBare() ? jid.equals(target.bare()) : jid.equals(target));
    }

    /** Reads a {@code <prefs/>} a client set; empty when it is malformed or too long. */
    static Optional<ArchivePrefs> parse(XmlElement prefs) {
        Optional<Default> policy = Default.fromWire(prefs.attribute("default"));
        if (policy.isEmpty()) {
            return Optional.empty();
        }
        List<Jid> always = new ArrayList<>();
        List<Jid> never = new ArrayList<>();
        if (!jids(prefs, "always", always) || !jids(prefs, "never", never)
                || always.size() + never.size() > MAX_JIDS) {
            return Optional.empty();
        }
        return Optional.of(new ArchivePrefs(policy.get(), always, never));
    }

    private static boolean jids(XmlElement prefs, String list, List<Jid> into) {
        for (XmlElement container : prefs.elements(list, Namespaces.MAM).toList()) {
            for (XmlElement jid : container.elements("jid", Namespaces.MAM).toList()) {
                Optional<Jid> parsed = Jid.tryParse(jid.text().trim());
                if (parsed.isEmpty() || into.size() > MAX_JIDS) {
                    return false;
                }
                into.add(parsed.get());
            }
        }
        return true;
    }

    /** The {@code <prefs/>} element, with both lists present even when empty (XEP-0441 §3). */
    XmlElement toElement() {
        return XmlElement.builder("prefs", Namespaces.MAM).attribute("default", defaultPolicy.wireName())
                .child(list("always", always)).child(list("never", never)).build();
    }

    private static XmlElement list(String name, List<Jid> jids) {
        XmlElement.Builder list = XmlElement.builder(name, Namespaces.MAM);
        jids.forEach(jid -> list.textChild("jid", jid.toString()));
        return list.build();
    }
}
