"""How often Jupyter servers on one host pick the same kernel port (docs/teaching-at-scale.md,
"Kernel ports on a shared host").

Each of N processes picks five ports the way a Jupyter server does for a kernel (jupyter_client's
LocalPortCache: bind port 0 on 127.0.0.1, read the port, close the socket), all at once, as the
servers of a class starting the same notebook do; a trial counts when any port was picked by two
processes. A server keeps its own kernels' ports apart, so only picks by different processes can
collide. Upper bound for a real class: kernels that have already bound their ports take them out
of the pool.

Usage: /usr/bin/python3 bench/class/port_picks.py [TRIALS] [N...]   (default: 50 trials of 10, 20, 30)
"""
import multiprocessing
import socket
import sys


def pick(_):
    ports = []
    for _ in range(5):
        s = socket.socket()
        s.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, b"\0" * 8)
        s.bind(("127.0.0.1", 0))
        ports.append(s.getsockname()[1])
        s.close()
    return ports


def main():
    trials = int(sys.argv[1]) if len(sys.argv) > 1 else 50
    counts = [int(n) for n in sys.argv[2:]] or [10, 20, 30]
    with open("/proc/sys/net/ipv4/ip_local_port_range") as f:
        print("ephemeral port range:", " - ".join(f.read().split()))
    for n in counts:
        hits = 0
        for _ in range(trials):
            with multiprocessing.Pool(n) as pool:
                picks = pool.map(pick, range(n))
            ports = [p for server in picks for p in server]
            hits += len(set(ports)) < len(ports)
        print(f"{n} servers, 5 ports each, picked at once: a port picked twice in {hits} of {trials} trials")


if __name__ == "__main__":
    main()
