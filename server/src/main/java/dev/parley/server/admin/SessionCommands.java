package dev.parley.server.admin;

import dev.parley.server.auth.AccountService;
import dev.parley.server.session.ClientSession;
import dev.parley.server.session.SessionRegistry;
import dev.parley.xmpp.error.StreamErrorCondition;
import dev.parley.xmpp.jid.Jid;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.stream.Collectors;

import static dev.parley.server.admin.AdminField.Type.JID_MULTI;
import static dev.parley.server.admin.AdminField.Type.TEXT_MULTI;
import static dev.parley.server.admin.AdminField.Type.TEXT_SINGLE;

/**
 * The session commands of XEP-0133: §4.5 end-user-session, §4.15 get-online-users-num, §4.20 get-online-users-list and
 * §4.23 announce, with XEP-0133's node names and field vars. An online user is an account with at least one bound
 * session on this node (XEP-0133 §4.15: "at least one connected or available resource").
 *
 * <p>An ended session gets the stream error {@code policy-violation} (RFC 6120 §4.9.3.14) with a text saying an
 * administrator ended it: the account stays usable, so neither {@code not-authorized} (which clients read as a
 * credentials problem) nor {@code conflict} or {@code reset} (which clients answer by reconnecting at once) fits.
 */
public final class SessionCommands {
    /** The most JIDs get-online-users-list returns whatever {@code max_items} says, so that its result stays small. */
    public static final int MAX_LISTED = 1000;
    /** XEP-0133 §4.20's choices for {@code max_items}; {@code none} means up to {@link #MAX_LISTED}. */
    private static final List<String> MAX_ITEMS_CHOICES = List.of("25", "50", "75", "100", "150", "200", "none");
    private static final String ACCOUNTJIDS = "accountjids";

    private SessionCommands() {
    }

    public static void registerAll(AdminCommands registry, AccountService accounts, SessionRegistry sessions) {
        registry.register(new DefinedCommand("end-user-session", "End User Session",
                List.of(AdminField.required(ACCOUNTJIDS, "The Jabber ID(s) for which to end sessions", JID_MULTI)),
                List.of(), args -> endSessions(accounts, sessions, args)));
        registry.register(new DefinedCommand("get-online-users-num", "Get Number of Online Users", List.of(),
                List.of(AdminField.optional("onlineusersnum", "The number of online users", TEXT_SINGLE)),
                args -> {
                    int online = sessions.accounts();
                    return completed(AdminResult.of(online + " online users", "onlineusersnum",
                            Integer.toString(online)));
                }));
        registry.register(new DefinedCommand("get-online-users-list", "Get List of Online Users",
                List.of(AdminField.choice("max_items", "Maximum number of items to show", MAX_ITEMS_CHOICES)),
                List.of(AdminField.optional("onlineuserjids", "The list of all online users", JID_MULTI)),
                args -> completed(onlineUsers(sessions, maxItems(args.optionalText("max_items"))))));
        registry.register(new DefinedCommand("announce", "Send Announcement to Online Users",
                // 'subject' is not among XEP-0133's fields; forms may carry more fields than the XEP names.
                List.of(AdminField.optional("subject", "Subject", TEXT_SINGLE),
                        AdminField.required("announcement", "Announcement", TEXT_MULTI)),
                List.of(),
                args -> {
                    int sent = Announcement.send(sessions, args.optionalText("subject"), args.lines("announcement"));
                    return completed(AdminResult.of("Sent the announcement to " + sent + " session(s)"));
                }));
    }

    /**
     * XEP-0133 §4.5: a bare JID ends all the account's sessions, a full JID the one session of that resource. Every
     * JID must name at least one session, otherwise none is ended.
     */
    private static CompletionStage<AdminResult> endSessions(AccountService accounts, SessionRegistry sessions,
                                                            AdminArguments args) {
        List<Jid> jids = args.jids(ACCOUNTJIDS).stream().map(jid -> AccountJids.account(accounts, jid)).toList();
        Set<ClientSession> ending = new LinkedHashSet<>();
        List<Jid> withoutSession = new ArrayList<>();
        for (Jid jid : jids) {
            List<ClientSession> found = jid.isBare() ? sessions.sessions(jid)
                    : sessions.session(jid).map(List::of).orElse(List.of());
            if (found.isEmpty()) {
                withoutSession.add(jid);
            }
            ending.addAll(found);
        }
        if (!withoutSession.isEmpty()) {
            throw new AdminCommandException(AdminCommandException.Reason.NOT_FOUND, "No session of "
                    + withoutSession.stream().map(Jid::toString).collect(Collectors.joining(", ")));
        }
        ending.forEach(session -> session.terminate(StreamErrorCondition.POLICY_VIOLATION,
                "An administrator ended this session"));
        return completed(AdminResult.of("Ended " + ending.size() + " session(s)"));
    }

    /** The first {@code max} online users in JID order, holding no more than {@code max + 1} of them at any time. */
    private static AdminResult onlineUsers(SessionRegistry sessions, int max) {
        TreeSet<Jid> first = new TreeSet<>();
        int online = 0;
        for (Jid account : sessions.onlineAccounts()) {
            online++;
            first.add(account);
            if (first.size() > max) {
                first.pollLast();
            }
        }
        String message = first.size() < online ? "The first " + first.size() + " of " + online + " online users"
                : online + " online users";
        return new AdminResult(message, Map.of("onlineuserjids", first.stream().map(Jid::toString).toList()));
    }

    private static int maxItems(String value) {
        if (value == null || value.isEmpty() || value.equals("none")) {
            return MAX_LISTED;
        }
        try {
            int max = Integer.parseInt(value);
            if (max >= 1 && max <= MAX_LISTED) {
                return max;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw new AdminCommandException(AdminCommandException.Reason.BAD_REQUEST,
                "'max_items' must be a number from 1 to " + MAX_LISTED + ", or 'none'");
    }

    private static CompletionStage<AdminResult> completed(AdminResult result) {
        return CompletableFuture.completedFuture(result);
    }
}
