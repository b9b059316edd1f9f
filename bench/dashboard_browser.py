#!/usr/bin/env python3
"""The dashboard in headless Chromium for bench/dashboard.sh, through chromedriver's W3C API.

Usage: dashboard_browser.py CHROMEDRIVER_PORT BOARD_URL IDLE_SECONDS SERVER_PID
Prints JSON: Navigation Timing of the board, when the board was drawn (boardReadyAt, set by the
page's script once its data is on screen), and how many requests the page made while idle, and the CPU time the
server used meanwhile (utime + stime from /proc/PID/stat).
"""
import json
import os
import sys
import tempfile
import time
import urllib.request


def call(port, method, path, body=None):
    data = None if body is None else json.dumps(body).encode()
    req = urllib.request.Request(f"http://127.0.0.1:{port}{path}", data=data, method=method,
                                 headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(req, timeout=120) as r:
        return json.loads(r.read())["value"]


def cpu_seconds(pid):
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def main():
    port, url, idle, pid = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]
    profile = tempfile.mkdtemp(prefix="dashboard-bench-chromium.")
    caps = {"capabilities": {"alwaysMatch": {"browserName": "chrome", "goog:chromeOptions": {
        "binary": "/usr/bin/chromium",
        "args": ["--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync",
                 "--no-first-run", "--window-size=1400,1000", "--user-data-dir=" + profile]}}}}
    session = call(port, "POST", "/session", caps)["sessionId"]
    base = f"/session/{session}"
    try:
        results = []
        for _ in range(5):  # the first load also warms the server's JIT; all five are reported
            call(port, "POST", base + "/url", {"url": "about:blank"})
            call(port, "POST", base + "/url", {"url": url})
            deadline = time.time() + 30
            ready = None
            while ready is None and time.time() < deadline:
                ready = call(port, "POST", base + "/execute/sync", {"script": "return window.boardReadyAt === undefined ? null : window.boardReadyAt;", "args": []})
                if ready is None:
                    time.sleep(0.02)
            nav = call(port, "POST", base + "/execute/sync", {"script": "var n = performance.getEntriesByType('navigation')[0]; return {dom_interactive: n.domInteractive, dom_content_loaded: n.domContentLoadedEventEnd, load: n.loadEventEnd};", "args": []})
            nav["board_ready"] = ready
            nav["cards"] = call(port, "POST", base + "/execute/sync", {"script": "return document.querySelectorAll('#board .card').length;", "args": []})
            results.append(nav)
        count = "return performance.getEntriesByType('resource').length;"
        before = call(port, "POST", base + "/execute/sync", {"script": count, "args": []})
        cpu_before = cpu_seconds(pid)
        time.sleep(idle)
        cpu_after = cpu_seconds(pid)
        after = call(port, "POST", base + "/execute/sync", {"script": count, "args": []})
        print(json.dumps({"loads": results, "idle_seconds": idle, "idle_requests": after - before,
                          "idle_server_cpu_seconds": round(cpu_after - cpu_before, 3)}))
    finally:
        call(port, "DELETE", base)


if __name__ == "__main__":
    main()
