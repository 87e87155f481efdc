"""The smoke test's slow and hostile clients (issue 20, drill 6, fast version: ~15 s).

Run by tests/deploy/smoke.sh against its nginx: 300 idle connections and 50 slowloris ones
(a request's headers dripped a line every 2 s) are held open while a reader reads; the reader
is answered every time and quickly, nginx closes the slowloris connections at its
client_header_timeout (10 s), and an upload whose Content-Length is over
client_max_body_size is refused 413 from its headers, before any body is sent.
`bench/slowclients` is the long version (1,000 idle connections, p99 under load).
Standard library only; exits non-zero on the first failed check.
"""

from __future__ import annotations

import argparse
import contextlib
import socket
import ssl
import sys
import threading
import time

HOST = "chaikhana.test"
IDLE, SLOW = 300, 50
HEADER_TIMEOUT = 10  # deploy/nginx/chaikhana.conf: client_header_timeout


def check(condition: object, message: str) -> None:
    if not condition:
        print(f"FAIL {message}", file=sys.stderr)
        sys.exit(1)
    print(f"  ok  {message}")


def read_once(port: int, tls: ssl.SSLContext, path: str) -> tuple[int, float]:
    t0 = time.monotonic()
    with (
        socket.create_connection(("127.0.0.1", port), timeout=10) as raw,
        tls.wrap_socket(raw, server_hostname=HOST) as s,
    ):
        s.sendall(
            f"GET {path} HTTP/1.1\r\nHost: {HOST}:{port}\r\nConnection: close\r\n\r\n".encode()
        )
        data = b""
        while chunk := s.recv(65536):
            data += chunk
    return int(data.split(b" ", 2)[1]), time.monotonic() - t0


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--https", type=int, required=True)
    parser.add_argument("--cafile", required=True)
    args = parser.parse_args()
    tls = ssl.create_default_context(cafile=args.cafile)
    tls.check_hostname = False  # the certificate names chaikhana.test; we dial 127.0.0.1
    addr = ("127.0.0.1", args.https)

    print("slow and hostile clients: nginx holds them, readers are answered")
    idle = [socket.create_connection(addr, timeout=5) for _ in range(IDLE)]
    slow = []
    for _ in range(SLOW):
        s = tls.wrap_socket(socket.create_connection(addr, timeout=5), server_hostname=HOST)
        s.sendall(f"GET /?slow=1 HTTP/1.1\r\nHost: {HOST}:{args.https}\r\n".encode())
        slow.append(s)
    opened = time.monotonic()
    dropped: list[float] = []
    stop = threading.Event()

    def drip() -> None:
        n = 0
        while not stop.wait(2):
            for s in list(slow):
                try:
                    s.sendall(f"X-Slow-{n}: a\r\n".encode())
                except OSError:
                    slow.remove(s)
                    dropped.append(time.monotonic() - opened)
            n += 1

    dripper = threading.Thread(target=drip, daemon=True)
    dripper.start()
    times = []
    for i in range(20):
        status, took = read_once(args.https, tls, "/@demo/" if i % 2 else "/feed/")
        check(status == 200, f"reader {i + 1} answered 200 beside {IDLE} idle + {SLOW} slow")
        times.append(took)
        time.sleep(0.3)
    check(max(times) < 2, f"the slowest reader took {max(times) * 1000:.0f} ms (< 2 s)")
    deadline = opened + HEADER_TIMEOUT + 6
    while slow and time.monotonic() < deadline:
        time.sleep(0.5)
    stop.set()
    dripper.join(5)
    check(not slow, f"nginx closed all {SLOW} slowloris connections (client_header_timeout)")
    check(
        dropped and min(dropped) >= HEADER_TIMEOUT - 1,
        f"... after {min(dropped or [0]):.0f}–{max(dropped or [0]):.0f} s of dripped headers",
    )
    for s in idle:
        with contextlib.suppress(OSError):
            s.close()

    with (
        socket.create_connection(addr, timeout=10) as raw,
        tls.wrap_socket(raw, server_hostname=HOST) as s,
    ):
        t0 = time.monotonic()
        s.sendall(
            (
                f"POST /dashboard/@demo/media/upload/ HTTP/1.1\r\nHost: {HOST}:{args.https}"
                "\r\nContent-Type: multipart/form-data; boundary=x\r\n"
                f"Content-Length: {24 * 2**20 + 1}\r\n\r\n"
            ).encode()
        )
        head = s.recv(200).split(b"\r\n")[0].decode("latin-1")
        took = time.monotonic() - t0
    check(head.split(" ")[1] == "413", f"a 24 MB + 1 byte upload refused from its headers: {head}")
    check(took < 1, f"... in {took * 1000:.0f} ms, with none of the body sent")


if __name__ == "__main__":
    main()
