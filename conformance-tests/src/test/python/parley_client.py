"""What the slixmpp scripts share: how a client reaches the server under test, and a logged-in client for scenarios.

Clients negotiate STARTTLS (RFC 6120 section 5) and authenticate with SASL SCRAM-SHA-256 only (RFC 7677). With a CA file
the server certificate must chain to it and match the domain; without one any certificate is accepted (encrypted but
unauthenticated, for tests only).
"""
import asyncio
import os
import ssl
from pathlib import Path

import slixmpp

MECHANISM = "SCRAM-SHA-256"
LOGIN_TIMEOUT = 30.0


class ScenarioFailure(Exception):
    def __init__(self, reason, exit_status=1):
        super().__init__(reason)
        self.exit_status = exit_status


def configure_transport(client, cafile):
    """Sets the client's TLS trust and SASL credentials callback."""
    if cafile:
        client.ca_certs = Path(cafile)
    else:
        client.ssl_context.check_hostname = False
        client.ssl_context.verify_mode = ssl.CERT_NONE
    client.register_plugin("feature_mechanisms")
    mechanisms = client["feature_mechanisms"]

    def credentials_without_channel_binding(required, optional):
        # slixmpp 1.8.3 knows only tls-unique, which RFC 9266 leaves undefined for TLS 1.3, yet it reports it on TLS 1.3
        # and then sends the gs2 flag "y" with plain SCRAM. A server that offers -PLUS must refuse "y" as a downgrade
        # (RFC 5802 section 6), so the client presents itself as one without channel binding ("n").
        credentials = mechanisms._default_credentials(required, optional)
        credentials["channel_binding"] = None
        return credentials

    mechanisms.sasl_callback = credentials_without_channel_binding


class ScenarioClient(slixmpp.ClientXMPP):
    """A client whose incoming stanzas wait in queues: messages with a body, errors, presences and both carbon kinds."""

    def __init__(self, jid, password, cafile):
        super().__init__(jid, password, sasl_mech=MECHANISM)
        configure_transport(self, cafile)
        for plugin in ("xep_0199", "xep_0203", "xep_0280", "xep_0191"):
            self.register_plugin(plugin)
        self.messages, self.errors, self.presences = asyncio.Queue(), asyncio.Queue(), asyncio.Queue()
        self.received_carbons, self.sent_carbons = asyncio.Queue(), asyncio.Queue()
        self.started = asyncio.get_event_loop().create_future()
        self.add_event_handler("session_start", self._on_session_start)
        self.add_event_handler("message", self._on_message)
        self.add_event_handler("message_error", self.errors.put_nowait)
        self.add_event_handler("presence", self.presences.put_nowait)
        self.add_event_handler("carbon_received",
                               lambda m: self.received_carbons.put_nowait(m["carbon_received"]))
        self.add_event_handler("carbon_sent", lambda m: self.sent_carbons.put_nowait(m["carbon_sent"]))
        self.add_event_handler("failed_all_auth", lambda _: self._fail(f"{MECHANISM} authentication failed"))
        self.add_event_handler("connection_failed", lambda e: self._fail(f"connection failed: {e}"))
        self.add_event_handler("ssl_invalid_chain", lambda e: self._fail(f"certificate rejected: {e}"))
        self.add_event_handler("stream_error", lambda e: self._fail(f"stream error: {e['condition']}"))

    async def _on_session_start(self, _event):
        await self.get_roster()
        self.send_presence()
        # The server processes a stream's stanzas in order (RFC 6120 section 10.1): once it has answered a ping sent
        # after initial presence, the resource is available for routing.
        await self["xep_0199"].ping(jid=self.boundjid.domain, timeout=LOGIN_TIMEOUT)
        if not self.started.done():
            self.started.set_result(True)

    def _on_message(self, msg):
        if msg["type"] in ("chat", "normal") and msg["body"]:
            self.messages.put_nowait(msg)

    def _fail(self, reason):
        if not self.started.done():
            self.started.set_exception(ScenarioFailure(reason, exit_status=4))


async def connect_client(args, who, resource):
    """Logs in the account named by the environment variables {who}_USER and {who}_PASSWORD."""
    jid = f"{os.environ[who + '_USER']}@{args.domain}/{resource}"
    client = ScenarioClient(jid, os.environ[who + "_PASSWORD"], args.cafile)
    client.connect((args.host, args.port), use_ssl=False, force_starttls=True)
    try:
        await asyncio.wait_for(client.started, LOGIN_TIMEOUT)
    except asyncio.TimeoutError:
        raise ScenarioFailure(f"{who} did not log in within {LOGIN_TIMEOUT} s", exit_status=4) from None
    return client
