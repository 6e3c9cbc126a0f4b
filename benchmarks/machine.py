"""What a benchmark ran on: CPU, cores, load, Python, package versions, warta's commit, the date."""

from __future__ import annotations

import datetime as dt
import os
import platform
import subprocess
from importlib import metadata
from pathlib import Path

PACKAGES = (
    "warta",
    "trafilatura",
    "readability-lxml",
    "resiliparse",
    "justext",
    "lxml",
    "selectolax",
)


def cpu_model() -> str:
    """The CPU model name from /proc/cpuinfo, or the platform's processor string."""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def package_versions(names: tuple[str, ...] = PACKAGES) -> dict[str, str]:
    """Installed version of each package, or ``"not installed"``."""
    out = {}
    for name in names:
        try:
            out[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            out[name] = "not installed"
    return out


def git_revision(repo: Path) -> str:
    """The repo's HEAD commit (short), with ``+dirty`` when the work tree has changes; read-only."""
    try:
        head = subprocess.run(
            ["git", "-C", str(repo), "rev-parse", "--short", "HEAD"],
            capture_output=True,
            text=True,
            check=True,
            timeout=10,
        ).stdout.strip()
        dirty = subprocess.run(
            ["git", "-C", str(repo), "status", "--porcelain", "--untracked-files=no"],
            capture_output=True,
            text=True,
            check=True,
            timeout=10,
        ).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        return "unknown"
    return head + ("+dirty" if dirty else "")


def machine_info(pinned_cpu: int | None) -> dict[str, object]:
    """Everything the report states about where and when it ran."""
    load = os.getloadavg() if hasattr(os, "getloadavg") else (0.0, 0.0, 0.0)
    return {
        "date": dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "cpu": cpu_model(),
        "cores": os.cpu_count(),
        "pinned_cpu": pinned_cpu,
        "load_average_1m": round(load[0], 2),
        "python": platform.python_version(),
        "platform": platform.platform(),
        "packages": package_versions(),
        "warta_revision": git_revision(Path(__file__).resolve().parents[1]),
    }


def machine_markdown(info: dict[str, object], command: str) -> str:
    """The machine and command as a short markdown list."""
    packages = info.get("packages") or {}
    assert isinstance(packages, dict)
    versions = ", ".join(f"{k} {v}" for k, v in packages.items())
    pinned = info.get("pinned_cpu")
    return "\n".join(
        [
            f"- Command: `{command}`",
            f"- Date: {info['date']}; warta at commit {info['warta_revision']}",
            f"- Machine: {info['cpu']}, {info['cores']} cores, "
            + (f"pinned to CPU {pinned}" if pinned is not None else "not pinned")
            + f"; load average at start {info['load_average_1m']} (the machine is shared, so speeds are noisy)",
            f"- Python {info['python']} on {info['platform']}",
            f"- Packages: {versions}",
        ]
    )
