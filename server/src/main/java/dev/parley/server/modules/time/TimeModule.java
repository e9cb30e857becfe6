package dev.parley.server.modules.time;

import dev.parley.server.api.IqHandler;
import dev.parley.server.api.IqReply;
import dev.parley.server.api.IqScope;
import dev.parley.server.api.ModuleContext;
import dev.parley.server.api.XmppModule;
import dev.parley.xmpp.xml.XmlElement;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/**
 * Entity Time (XEP-0202) of the server: {@code <tzo/>}, the offset of the server's time zone as an XEP-0082 TZD
 * ({@code ±hh:mm}), and {@code <utc/>}, the XEP-0082 dateTime in UTC to the millisecond.
 *
 * <p>Only the server answers. An account's time is its client's (each resource may be in another zone), so a query to
 * a bare JID is not answered on the account's behalf: it gets {@code service-unavailable} like any payload the server
 * does not handle for accounts (XEP-0202 §3 points to XEP-0086 for errors).
 */
public final class TimeModule implements XmppModule {
    public static final String NAMESPACE = "urn:xmpp:time";
    /** XEP-0082 TZD: "Z" is allowed, but "+00:00" is what clients parsing ±hh:mm all understand. */
    private static final DateTimeFormatter TZD = DateTimeFormatter.ofPattern("xxx");

    private final Clock clock;

    public TimeModule() {
        this(Clock.systemDefaultZone());
    }

    TimeModule(Clock clock) {
        this.clock = clock;
    }

    @Override
    public String name() {
        return "time";
    }

    @Override
    public void start(ModuleContext context) {
        IqHandler answer = IqHandler.getOnly(request -> IqReply.now(IqReply.result(now())));
        context.iqHandler(IqScope.SERVER, "time", NAMESPACE, answer, NAMESPACE);
    }

    XmlElement now() {
        Instant instant = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        ZoneOffset offset = clock.getZone().getRules().getOffset(instant);
        return XmlElement.builder("time", NAMESPACE)
                .textChild("tzo", TZD.format(offset))
                .textChild("utc", DateTimeFormatter.ISO_INSTANT.format(instant))
                .build();
    }
}
