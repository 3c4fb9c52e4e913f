"""A stand-in for Twilio's Messages API on 127.0.0.1, served over real HTTP in a thread.

It checks HTTP Basic auth, records every request, answers 201 with a new sid, and, like a
provider honouring ``I-Twilio-Idempotency-Token``, answers a repeated key with the first
sid without sending again. ``script`` makes the next answers misbehave, one entry each:
"500", "429", "400-21211", "400-21610" or "accept-then-hang" (sends the text, then says
nothing until the client has given up)."""

import base64
import json
import secrets
import threading
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs

SID = "AC" + "0" * 31 + "1"
TOKEN = "fake-auth-token"
HANG_SECONDS = 5.0

REFUSALS = {
    "21211": "The 'To' number {to} is not a valid phone number.",
    "21610": "Attempt to send to unsubscribed recipient",
}


@dataclass
class FakeTwilio:
    url: str = ""
    requests: list[dict] = field(default_factory=list)
    sent: list[dict] = field(default_factory=list)
    script: list[str] = field(default_factory=list)
    by_key: dict[str, str] = field(default_factory=dict)
    release: threading.Event = field(default_factory=threading.Event)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def answer(self, handler: BaseHTTPRequestHandler) -> tuple[int, dict]:
        length = int(handler.headers.get("Content-Length") or 0)
        form = {k: v[0] for k, v in parse_qs(handler.rfile.read(length).decode()).items()}
        key = handler.headers.get("I-Twilio-Idempotency-Token", "")
        with self.lock:
            self.requests.append(
                {"path": handler.path, "headers": dict(handler.headers), "form": form}
            )
            expected = base64.b64encode(f"{SID}:{TOKEN}".encode()).decode()
            if handler.headers.get("Authorization") != f"Basic {expected}":
                return 401, {"code": 20003, "message": "Authenticate", "status": 401}
            if handler.path != f"/2010-04-01/Accounts/{SID}/Messages.json":
                return 404, {"code": 20404, "message": "Not found", "status": 404}
            step = self.script.pop(0) if self.script else "201"
            if step in {"500", "429"}:
                return int(step), {"code": 20500, "message": "Try later", "status": int(step)}
            if step.startswith("400-"):
                code = step.removeprefix("400-")
                message = REFUSALS[code].format(to=form.get("To"))
                return 400, {"code": int(code), "message": message, "status": 400}
            if key in self.by_key:
                return 201, {"sid": self.by_key[key], "status": "queued"}
            sid = "SM" + secrets.token_hex(16)
            self.by_key[key] = sid
            self.sent.append({"sid": sid, "key": key, **form})
        if step == "accept-then-hang":
            self.release.wait(HANG_SECONDS)
        return 201, {"sid": sid, "status": "queued", "to": form.get("To")}


def start() -> tuple[FakeTwilio, ThreadingHTTPServer]:
    fake = FakeTwilio()

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self):
            status, payload = fake.answer(self)
            body = json.dumps(payload).encode()
            try:
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)
            except OSError:  # the client gave up waiting (the hang case)
                pass

        def log_message(self, format, *args):  # keep test output clean
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    fake.url = f"http://127.0.0.1:{server.server_address[1]}"
    threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True).start()
    return fake, server


def stop(fake: FakeTwilio, server: ThreadingHTTPServer) -> None:
    fake.release.set()
    server.shutdown()
    server.server_close()
