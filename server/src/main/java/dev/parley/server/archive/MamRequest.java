package dev.parley.server.archive;

import dev.parley.server.api.storage.AccountId;
import dev.parley.server.api.storage.ArchiveQuery;
import dev.parley.xmpp.Namespaces;
import dev.parley.xmpp.error.StanzaError;
import dev.parley.xmpp.error.StanzaErrorCondition;
import dev.parley.xmpp.forms.DataForm;
import dev.parley.xmpp.forms.FormField;
import dev.parley.xmpp.jid.Jid;
import dev.parley.xmpp.xml.XmlElement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A XEP-0313 §4 query as a client sent it, read into an {@link ArchiveQuery}: the data form's fields ({@code with},
 * {@code start}, {@code end}, {@code before-id}, {@code after-id}, {@code ids}, and XEP-0431's
 * {@code {urn:xmpp:fulltext:0}fulltext}), the XEP-0059 {@code <set/>} ({@code max}, {@code after}, {@code before},
 * an empty {@code before} meaning the last page), and {@code <flip-page/>}.
 *
 * <p>Refusals: an unknown field (include-groupchat too, as it is not advertised) or an RSM {@code <index/>} is
 * {@code feature-not-implemented} (§4.1.2's MUST); a wrong FORM_TYPE, a malformed JID, date-time or number, or more
 * ids than a page holds is {@code bad-request}; an id that is not one of this archive's is {@code item-not-found}
 * (§4.1.1). Pages hold at most {@code pageCap} messages whatever {@code max} asks (§4.2: a server MAY cap).
 */
record MamRequest(String queryId, ArchiveQuery query, boolean flip) {
    static final String FULLTEXT = "{urn:xmpp:fulltext:0}fulltext";
    static final List<String> FIELDS = List.of("with", "start", "end", "before-id", "after-id", "ids", FULLTEXT);

    /** Why a query cannot be answered. */
    static final class Refused extends Exception {
        final StanzaError error;

        Refused(StanzaErrorCondition condition, String text) {
            super(text, null, false, false);
            this.error = StanzaError.of(condition, text);
        }
    }

    static MamRequest parse(XmlElement query, AccountId archive, ArchiveIds ids, int pageCap) throws Refused {
        DataForm form = DataForm.findIn(query).orElse(null);
        Jid with = null;
        Instant start = null;
        Instant end = null;
        Long afterId = null;
        Long beforeId = null;
        List<Long> listed = null;
        String text = null;
        if (form != null) {
            for (FormField field : form.fields()) {
                String var = field.var() == null ? "" : field.var();
                String value = field.firstValue();
                switch (var) {
                    case FormField.FORM_TYPE -> {
                        if (!Namespaces.MAM.equals(value)) {
                            throw new Refused(StanzaErrorCondition.BAD_REQUEST, "FORM_TYPE must be " + Namespaces.MAM);
                        }
                    }
                    case "with" -> with = value == null ? null : Jid.tryParse(value.trim()).orElseThrow(
                            () -> new Refused(StanzaErrorCondition.BAD_REQUEST, "'with' is not a JID"));
                    case "start" -> start = instant(value, "start");
                    case "end" -> end = instant(value, "end");
                    case "after-id" -> afterId = value == null ? null : id(value, archive, ids);
                    case "before-id" -> beforeId = value == null ? null : id(value, archive, ids);
                    case "ids" -> listed = listed(field.values(), archive, ids, pageCap);
                    case FULLTEXT -> text = value;
                    default -> throw new Refused(StanzaErrorCondition.FEATURE_NOT_IMPLEMENTED,
                            "Unknown field '" + var + "'; see the form this archive returns to a query get");
                }
            }
        }
        XmlElement set = query.child("set", Namespaces.RSM).orElse(null);
        int limit = pageCap;
        Long pageAfter = null;
        Long pageBefore = null;
        boolean backwards = false;
        if (set != null) {
            if (set.child("index", Namespaces.RSM).isPresent()) {
                throw new Refused(StanzaErrorCondition.FEATURE_NOT_IMPLEMENTED, "RSM <index/> is not supported");
            }
            Optional<String> max = set.childText("max", Namespaces.RSM);
            if (max.isPresent()) {
                limit = Math.min(pageCap, nonNegative(max.get().trim()));
            }
            Optional<String> after = set.childText("after", Namespaces.RSM);
            if (after.isPresent()) {
                pageAfter = id(after.get().trim(), archive, ids);
            }
            Optional<XmlElement> before = set.child("before", Namespaces.RSM);
            if (before.isPresent()) {
                backwards = true;
                String id = before.get().text().trim();
                pageBefore = id.isEmpty() ? null : id(id, archive, ids);
            }
        }
        ArchiveQuery parsed = new ArchiveQuery(with, start, end, afterId, beforeId, listed, text, pageAfter,
                pageBefore, backwards, limit);
        boolean flip = query.child("flip-page", Namespaces.MAM).isPresent();
        return new MamRequest(query.attribute("queryid"), parsed, flip);
    }

    private static Instant instant(String value, String field) throws Refused {
        if (value == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value.trim()).toInstant();
        } catch (DateTimeParseException e) {
            throw new Refused(StanzaErrorCondition.BAD_REQUEST, "'" + field + "' is not an XEP-0082 date-time");
        }
    }

    private static long id(String value, AccountId archive, ArchiveIds ids) throws Refused {
        OptionalLong sequence = ids.decode(archive, value.trim());
        if (sequence.isEmpty()) {
            throw new Refused(StanzaErrorCondition.ITEM_NOT_FOUND, "No message with this id is in the archive");
        }
        return sequence.getAsLong();
    }

    private static List<Long> listed(List<String> values, AccountId archive, ArchiveIds ids, int pageCap)
            throws Refused {
        if (values.size() > pageCap) {
            throw new Refused(StanzaErrorCondition.BAD_REQUEST, "Ask for at most " + pageCap + " ids at once");
        }
        List<Long> sequences = new ArrayList<>();
        for (String value : values) {
            sequences.add(id(value, archive, ids));
        }
        return sequences;
    }

    private static int nonNegative(String value) throws Refused {
        try {
            int parsed = Integer.parseInt(value);
            if (parsed >= 0) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            if (value.matches("\\d+")) {
                return Integer.MAX_VALUE; // a huge max is a valid request; the page cap applies
            }
        }
        throw new Refused(StanzaErrorCondition.BAD_REQUEST, "RSM <max/> must be a non-negative integer");
    }
}
