"""Many sessions on one app process, as at a board meeting: 1, 10 and 30 sessions each open Lägesbild and
step the deck, speaking Streamlit's own websocket protocol (its protobuf messages ship with the package)
so that no browser on the same two cores takes the server's time.

Two ways of arriving, each measured:
- `meeting`: the members open the link within a minute (each at a random moment in the first
  `--within` seconds) and read each slide `--reading` seconds before the next;
- `burst`: every session asks at the same instant and steps on at once, the worst case: one process
  answers one run at a time (Python's lock), so its p95 grows with the sessions; several processes
  behind docs/nginx-dashboard.conf share it.

Given several servers (`BASE_URL SERVER_PID` pairs), the sessions are spread over them in turn, as
nginx spreads members who come from different addresses, and the memory is the servers' together.

Each step is a rerun the session asks for, timed from the request to the server's `script_finished`.
Reports p50 and p95 per number of sessions, and the server's resident memory per open session.

Usage: python bench/sessions.py BASE_URL SERVER_PID [BASE_URL SERVER_PID ...] [--steps N] [--within S]
[--reading S] [--burst-only]   (prints one JSON line)
"""

from __future__ import annotations

import argparse
import asyncio
import json
import random
import statistics
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlencode

import websockets
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

SESSIONS = (1, 10, 30)
DECK = {"unit": "servicenamnden", "period": "2025Q4"}


def rss_mb(pid: int) -> float:
    """The process's resident memory now (its and its threads'; the app is one process)."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    raise RuntimeError("VmRSS missing")


class Session:
    """One browser tab's conversation with the server, without the browser."""

    def __init__(self, socket: websockets.ClientConnection) -> None:
        self.socket = socket

    async def run(self, page: str, query: dict[str, str]) -> float:
        """Ask for a rerun of `page` with `query`; the milliseconds until the server says it finished."""
        message = BackMsg()
        message.rerun_script.page_name = page
        message.rerun_script.query_string = urlencode(query)
        started = time.perf_counter()
        await self.socket.send(message.SerializeToString())
        while True:
            incoming = ForwardMsg()
            incoming.ParseFromString(await self.socket.recv())
            if incoming.WhichOneof("type") == "script_finished":
                return (time.perf_counter() - started) * 1000


@dataclass(frozen=True)
class Arrival:
    """How the sessions come: within how many seconds they open the link, how long a slide is read."""

    within: float = 0.0
    reading: float = 0.0


async def one(
    base: str, steps: int, opened: list[Session], ready: asyncio.Event, arrival: Arrival, delay: float
) -> list[float]:
    """Open Lägesbild, then the deck's first `steps` slides, once every session is connected."""
    socket = await websockets.connect(f"ws{base[4:]}/_stcore/stream", subprotocols=["streamlit"], max_size=None)
    session = Session(socket)
    opened.append(session)
    await ready.wait()
    await asyncio.sleep(delay)
    times = [await session.run("", DECK)]
    for slide in range(1, steps + 1):
        await asyncio.sleep(arrival.reading)
        times.append(await session.run("presentation", {**DECK, "bild": str(slide)}))
    return times


@dataclass(frozen=True)
class Server:
    base: str
    pid: int


def memory(servers: list[Server]) -> float:
    return sum(rss_mb(s.pid) for s in servers)


async def many(servers: list[Server], count: int, steps: int, arrival: Arrival) -> dict[str, float]:
    opened: list[Session] = []
    ready = asyncio.Event()
    before = memory(servers)
    moments = random.Random(count)
    tasks = [
        asyncio.create_task(
            one(servers[i % len(servers)].base, steps, opened, ready, arrival, moments.uniform(0, arrival.within))
        )
        for i in range(count)
    ]
    while len(opened) < count:
        await asyncio.sleep(0.01)
    ready.set()  # everyone asks at the same moment
    times = [t for result in await asyncio.gather(*tasks) for t in result]
    after = memory(servers)
    for session in opened:
        await session.socket.close()
    ordered = sorted(times)
    return {
        "p50_ms": round(statistics.median(ordered), 1),
        "p95_ms": round(ordered[max(0, round(0.95 * len(ordered)) - 1)], 1),
        "steps": len(ordered),
        "rss_mb_added": round(after - before, 1),
    }


def measured(servers: list[Server], steps: int, arrival: Arrival) -> dict[str, object]:
    results: dict[str, object] = {str(n): asyncio.run(many(servers, n, steps, arrival)) for n in SESSIONS}
    largest = results[str(SESSIONS[-1])]
    assert isinstance(largest, dict)
    results["rss_mb_per_session"] = round(max(0.0, largest["rss_mb_added"]) / SESSIONS[-1], 2)
    return results


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("servers", nargs="+", help="BASE_URL SERVER_PID, for each server")
    parser.add_argument("--steps", type=int, default=5)
    parser.add_argument("--within", type=float, default=60.0)
    parser.add_argument("--reading", type=float, default=5.0)
    parser.add_argument("--burst-only", action="store_true")
    args = parser.parse_args()
    pairs = args.servers
    servers = [Server(pairs[i], int(pairs[i + 1])) for i in range(0, len(pairs), 2)]
    for server in servers:  # each server's first page, not measured
        asyncio.run(many([server], 1, args.steps, Arrival()))
    burst = measured(servers, args.steps, Arrival())
    if args.burst_only:
        print(json.dumps({"processes": len(servers), "burst": burst}))
        return
    meeting = Arrival(args.within, args.reading)
    results = measured(servers, args.steps, meeting)
    results["arrival"] = {"within_s": meeting.within, "reading_s": meeting.reading}
    results["burst"] = burst
    print(json.dumps(results))


if __name__ == "__main__":
    sys.exit(main())
