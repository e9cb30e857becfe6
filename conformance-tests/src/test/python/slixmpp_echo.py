#!/usr/bin/env python3
"""Interop probe: a slixmpp client logs in, sends one chat message and waits for the expected reply.

The client negotiates STARTTLS (RFC 6120 section 5; required: the run aborts if the server does not offer it) and
authenticates with SASL SCRAM-SHA-256 only (RFC 7677). With --cafile the server certificate must chain to that file
and match the domain; without it any certificate is accepted (encrypted but unauthenticated, for tests only).

The password comes from --password or, better (it stays out of the process list), the XMPP_PASSWORD variable.
Exit status: 0 reply received; 2 timed out; 3 authentication failed; 4 connection or TLS failed; 64 bad arguments.
Each outcome prints one line starting with "slixmpp_echo:". Message bodies are never printed.
"""
import argparse
import asyncio
import logging
import os
import sys

import slixmpp

from parley_client import MECHANISM, configure_transport

EXIT_OK, EXIT_TIMEOUT, EXIT_AUTH, EXIT_CONNECTION, EXIT_USAGE = 0, 2, 3, 4, 64


class EchoProbe(slixmpp.ClientXMPP):
    def __init__(self, args):
        super().__init__(args.jid, args.password, sasl_mech=MECHANISM)
        self.peer = slixmpp.JID(args.to)
        self.body = args.body
        self.expect = args.expect
        self.outcome = asyncio.get_event_loop().create_future()
        self.tls_done = False
        configure_transport(self, args.cafile)
        self.add_event_handler("ssl_cert", self.on_tls)
        self.add_event_handler("session_start", self.on_session_start)
        self.add_event_handler("message", self.on_message)
        self.add_event_handler("failed_all_auth", lambda _: self.finish(EXIT_AUTH, f"{MECHANISM} authentication failed"))
        self.add_event_handler("connection_failed", lambda e: self.finish(EXIT_CONNECTION, f"connection failed: {e}"))
        self.add_event_handler("ssl_invalid_chain", lambda e: self.finish(EXIT_CONNECTION, f"certificate rejected: {e}"))
        self.add_event_handler("stream_error", lambda e: self.finish(EXIT_CONNECTION, f"stream error: {e['condition']}"))
        self.add_event_handler("disconnected", lambda _: self.finish(EXIT_CONNECTION, "disconnected before the reply"))

    def on_tls(self, _pem):
        self.tls_done = True

    async def on_session_start(self, _event):
        if not self.tls_done:
            self.finish(EXIT_CONNECTION, "session started without TLS")
            return
        # slixmpp 1.8.3 queues stanzas until session start, so everything is sent from here on.
        self.send_presence()
        self.send_message(mto=self.peer, mbody=self.body, mtype="chat")

    def on_message(self, msg):
        if msg["type"] in ("chat", "normal") and msg["from"].bare == self.peer.bare and msg["body"] == self.expect:
            self.finish(EXIT_OK, f"reply received from {msg['from'].bare} after {MECHANISM} over TLS")

    def finish(self, status, text):
        if not self.outcome.done():
            self.outcome.set_result((status, text))


async def run(args):
    probe = EchoProbe(args)
    probe.connect((args.host, args.port), use_ssl=False, force_starttls=True)
    try:
        status, text = await asyncio.wait_for(probe.outcome, timeout=args.timeout)
    except asyncio.TimeoutError:
        status, text = EXIT_TIMEOUT, f"no expected reply within {args.timeout} s"
    if status != EXIT_CONNECTION:
        probe.disconnect()
    return status, text


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--jid", required=True, help="bare JID to log in as")
    parser.add_argument("--password", default=os.environ.get("XMPP_PASSWORD"),
                        help="default: the XMPP_PASSWORD environment variable")
    parser.add_argument("--host", required=True, help="address of the c2s listener")
    parser.add_argument("--port", type=int, default=5222)
    parser.add_argument("--to", required=True, help="JID to send the message to")
    parser.add_argument("--body", required=True, help="body of the message to send")
    parser.add_argument("--expect", required=True, help="body of the reply to wait for")
    parser.add_argument("--timeout", type=float, default=20.0, help="seconds for the whole exchange")
    parser.add_argument("--cafile", help="PEM certificates to trust; default accepts any certificate")
    parser.add_argument("--verbose", action="store_true", help="log slixmpp's protocol debug output to stderr")
    try:
        args = parser.parse_args()
    except SystemExit:
        return EXIT_USAGE
    if not args.password:
        print("slixmpp_echo: no password (--password or XMPP_PASSWORD)", flush=True)
        return EXIT_USAGE
    logging.basicConfig(level=logging.DEBUG if args.verbose else logging.CRITICAL, stream=sys.stderr)
    status, text = asyncio.get_event_loop().run_until_complete(run(args))
    print(f"slixmpp_echo: {text}", flush=True)
    return status


if __name__ == "__main__":
    sys.exit(main())
