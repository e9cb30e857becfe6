#!/usr/bin/env python3
"""Instant-messaging scenario with real slixmpp clients, step by step, each step with its own deadline.

Accounts A, B and C log in over STARTTLS with SCRAM-SHA-256 (see parley_client.py) and check what a user of a daily
chat client relies on:
  presence   A and B subscribe to each other (RFC 6121 section 3) and each sees the other's available presence;
  offline    B goes offline, A sends three messages, B logs in again and gets them in order with a delay stamp
             (XEP-0160, XEP-0203);
  carbons    A logs in a second device and both enable carbons (XEP-0280): a message B sends to A's first device and
             one A's first device sends to B both reach the second device as carbons;
  blocking   B blocks A (XEP-0191): A's message is refused with service-unavailable while C's later message reaches B,
             and B's message to A is refused with not-acceptable.

Usage: slixmpp_im.py --host H --port P --domain D [--cafile F]; passwords come from the environment (A_PASSWORD,
B_PASSWORD, C_PASSWORD) with usernames in A_USER, B_USER, C_USER. Prints one "step NAME: ok" line per step passed and
"slixmpp_im: failed at NAME: reason" for the first failure. Exit status 0 all steps passed, 1 a step failed,
4 connection or authentication failed, 64 bad arguments. Message bodies are never printed.
"""
import argparse
import asyncio
import os
import sys
import uuid

from parley_client import ScenarioFailure, connect_client

STEP_TIMEOUT = 20.0


async def expect(queue, predicate, what):
    """Waits for an item of `queue` matching `predicate`; other items are dropped."""
    async def first_match():
        while True:
            item = await queue.get()
            if predicate(item):
                return item
    try:
        return await asyncio.wait_for(first_match(), STEP_TIMEOUT)
    except asyncio.TimeoutError:
        raise ScenarioFailure(f"no {what} within {STEP_TIMEOUT} s") from None


async def step_presence(ctx):
    a, b = ctx["a"], ctx["b"]
    a.send_presence(pto=b.boundjid.bare, ptype="subscribe")
    await expect(a.presences, lambda p: p["from"] == b.boundjid and p["type"] == "available",
                 "available presence of B at A")
    await expect(b.presences, lambda p: p["from"] == a.boundjid and p["type"] == "available",
                 "available presence of A at B")


async def step_offline(ctx, args):
    a, b = ctx["a"], ctx["b"]
    b_bare = b.boundjid.bare
    b.disconnect()
    await expect(a.presences, lambda p: p["from"].bare == b_bare and p["type"] == "unavailable",
                 "unavailable presence of B at A")
    bodies = [f"offline {n} {uuid.uuid4()}" for n in range(3)]
    for body in bodies:
        a.send_message(mto=b_bare, mbody=body, mtype="chat")
    # A ping answered after the sends means the server has processed them (RFC 6120 section 10.1 keeps their order).
    await a["xep_0199"].ping(jid=a.boundjid.domain, timeout=STEP_TIMEOUT)
    b = ctx["b"] = await connect_client(args, "B", "desk")
    received = []
    for body in bodies:
        msg = await expect(b.messages, lambda m: m["body"] in bodies, "stored message at B")
        received.append(msg)
    if [m["body"] for m in received] != bodies:
        raise ScenarioFailure("stored messages arrived out of order")
    if any(not m["delay"]["stamp"] for m in received):
        raise ScenarioFailure("a stored message arrived without a delay stamp")


async def step_carbons(ctx, args):
    a, b = ctx["a"], ctx["b"]
    a2 = ctx["a2"] = await connect_client(args, "A", "laptop")
    await a["xep_0280"].enable()
    await a2["xep_0280"].enable()
    incoming = f"to phone {uuid.uuid4()}"
    b.send_message(mto=a.boundjid, mbody=incoming, mtype="chat")
    await expect(a.messages, lambda m: m["body"] == incoming, "B's message at A's phone")
    await expect(a2.received_carbons, lambda m: m["body"] == incoming, "received carbon at A's laptop")
    outgoing = f"from phone {uuid.uuid4()}"
    a.send_message(mto=b.boundjid.bare, mbody=outgoing, mtype="chat")
    await expect(b.messages, lambda m: m["body"] == outgoing, "A's message at B")
    await expect(a2.sent_carbons, lambda m: m["body"] == outgoing, "sent carbon at A's laptop")


async def step_blocking(ctx, args):
    a, b = ctx["a"], ctx["b"]
    c = ctx["c"] = await connect_client(args, "C", "tablet")
    await b["xep_0191"].block([a.boundjid.bare])
    blocked = f"blocked {uuid.uuid4()}"
    fence = f"fence {uuid.uuid4()}"
    # XEP-0191 section 3.3: the blocked sender learns only that the service is unavailable.
    a.send_message(mto=b.boundjid.bare, mbody=blocked, mtype="chat")
    await expect(a.errors, lambda m: m["from"].bare == b.boundjid.bare
                 and m["error"]["condition"] == "service-unavailable", "service-unavailable error at A")
    # C's message is sent after A's was refused: once it has arrived, A's would have arrived before it.
    c.send_message(mto=b.boundjid.bare, mbody=fence, mtype="chat")
    got = await expect(b.messages, lambda m: m["body"] in (blocked, fence), "C's message at B")
    if got["body"] == blocked:
        raise ScenarioFailure("B received a message from the contact it blocked")
    # Section 3.4: the user's own message to the contact it blocked is refused with not-acceptable.
    b.send_message(mto=a.boundjid.bare, mbody=f"to blocked {uuid.uuid4()}", mtype="chat")
    await expect(b.errors, lambda m: m["error"]["condition"] == "not-acceptable", "not-acceptable error at B")


async def scenario(args):
    ctx = {}
    step = "login"
    try:
        ctx["a"] = await connect_client(args, "A", "phone")
        ctx["b"] = await connect_client(args, "B", "desk")
        for step, run in (("presence", lambda: step_presence(ctx)), ("offline", lambda: step_offline(ctx, args)),
                          ("carbons", lambda: step_carbons(ctx, args)), ("blocking", lambda: step_blocking(ctx, args))):
            await run()
            print(f"step {step}: ok", flush=True)
        return 0
    except ScenarioFailure as failure:
        print(f"slixmpp_im: failed at {step}: {failure}", flush=True)
        return failure.exit_status
    except Exception as failure:  # an IQ error or timeout of slixmpp itself: the step failed, say how
        print(f"slixmpp_im: failed at {step}: {type(failure).__name__}: {failure}", flush=True)
        return 1
    finally:
        await asyncio.wait([asyncio.ensure_future(client.disconnect()) for client in ctx.values()], timeout=5)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--host", required=True)
    parser.add_argument("--port", type=int, default=5222)
    parser.add_argument("--domain", required=True)
    parser.add_argument("--cafile", help="PEM certificates to trust; default accepts any certificate")
    try:
        args = parser.parse_args()
    except SystemExit:
        return 64
    for who in "ABC":
        if not os.environ.get(f"{who}_USER") or not os.environ.get(f"{who}_PASSWORD"):
            print(f"slixmpp_im: {who}_USER and {who}_PASSWORD must be set", flush=True)
            return 64
    return asyncio.get_event_loop().run_until_complete(scenario(args))


if __name__ == "__main__":
    sys.exit(main())
