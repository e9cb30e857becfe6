package dev.parley.server.routing;

import dev.parley.xmpp.jid.Jid;
import dev.parley.xmpp.stanza.Iq;
import dev.parley.xmpp.stanza.Stanza;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * IQ requests the server itself sends (RFC 6120 §8.2.3) and the replies they are waiting for. A reply is the result or
 * error with the request's 'id' from the entity the request was addressed to and to the server JID that sent it: an
 * IQ from anyone else that happens to carry the id is not a reply (§8.2.3 binds the response to the addressee, and
 * the ids are unpredictable so that nobody can answer for someone else by guessing). Every request ends, with the reply
 * or with a {@link TimeoutException}, and at most {@code limit} wait at once, so a peer that never answers costs
 * bounded memory.
 */
public final class PendingRequests {
    /** How long a request waits for its reply unless the caller chooses otherwise. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);
    /** Most requests of a node waiting at once by default. */
    public static final int DEFAULT_LIMIT = 10_000;

    private static final int ID_BYTES = 15;

    private record Waiting(Jid server, Jid addressee, CompletableFuture<Iq> reply) {
    }

    private final ScheduledExecutorService timer;
    private final int limit;
    private final ConcurrentHashMap<String, Waiting> waiting = new ConcurrentHashMap<>();
    private final AtomicInteger count = new AtomicInteger();
    private final SecureRandom random = new SecureRandom();

    /**
     * @param timer runs the timeouts (the event loops: a timeout only completes a stage)
     * @param limit most requests waiting at once; more are refused
     */
    public PendingRequests(ScheduledExecutorService timer, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be positive: " + limit);
        }
        this.timer = Objects.requireNonNull(timer, "timer");
        this.limit = limit;
    }

    /**
     * Sends {@code request} with a fresh unpredictable id through {@code send} and completes with its reply, which may
     * be of type error. Fails with {@link TimeoutException} when no reply came in time, with
     * {@link RejectedExecutionException} when too many requests wait already, or with the failure of {@code send}.
     * Cancelling the returned future forgets the request.
     *
     * @param request a get or set whose 'from' is a server (domain) JID and whose 'to' is set
     * @throws IllegalArgumentException when {@code request} is not such an IQ
     */
    public CompletableFuture<Iq> request(Iq request, Duration timeout,
                                         Function<? super Iq, ? extends CompletionStage<Void>> send) {
        if (!request.isRequest() || request.to() == null || request.from() == null || !request.from().isDomain()) {
            throw new IllegalArgumentException("a server request is a get or set from a domain JID to an address: "
                    + request.element());
        }
        CompletableFuture<Iq> reply = new CompletableFuture<>();
        if (count.incrementAndGet() > limit) {
            count.decrementAndGet();
            reply.completeExceptionally(new RejectedExecutionException(limit + " server requests wait already"));
            return reply;
        }
        String id = register(new Waiting(request.from(), request.to(), reply));
        reply.whenComplete((answer, failure) -> {
            // However the request ended (reply, timeout, send failure, cancel), it stops waiting.
            if (waiting.remove(id) != null) {
                count.decrementAndGet();
            }
        });
        Iq stamped = (Iq) request.withElement(request.element().withAttribute("id", id));
        try {
            ScheduledFuture<?> expiry = timer.schedule(() -> reply.completeExceptionally(
                    new TimeoutException("no reply from " + request.to() + " within " + timeout)),
                    timeout.toMillis(), TimeUnit.MILLISECONDS);
            reply.whenComplete((answer, failure) -> expiry.cancel(false));
            send.apply(stamped).whenComplete((sent, failure) -> {
                if (failure != null) {
                    reply.completeExceptionally(failure);
                }
            });
        } catch (RuntimeException e) {
            reply.completeExceptionally(e); // a failing send, or a timer that is shutting down with the node
        }
        return reply;
    }

    /**
     * Offers a result or error addressed to a server JID; true when it was the reply to a waiting request (which then
     * completes), false when it answers nothing this server asked (or comes from someone else than the addressee).
     */
    public boolean replyArrived(Iq reply) {
        if (reply.isRequest() || reply.id() == null) {
            return false;
        }
        Waiting request = waiting.get(reply.id());
        if (request == null || !request.addressee().equals(reply.from()) || !request.server().equals(reply.to())) {
            return false;
        }
        return request.reply().complete(reply);
    }

    /** Requests waiting for their reply now. */
    public int waiting() {
        return count.get();
    }

    private String register(Waiting request) {
        byte[] bytes = new byte[ID_BYTES];
        while (true) {
            random.nextBytes(bytes);
            String id = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
            if (waiting.putIfAbsent(id, request) == null) {
                return id;
            }
        }
    }
}
