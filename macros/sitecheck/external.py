"""External links: list every one with the pages using it, and check them when there is a network.

    python -m macros.sitecheck.external [PROJECT_DIR]     # make check-external (after make build)

The build never fetches anything (CI has no network): this command is run by
hand. It reads the built site, lists every http(s) URL that an href or src
points to (the site's own address, from site_url, excluded) with the pages
that use it, then, if the network answers, requests each one (HEAD, then GET
where HEAD is refused) with a timeout and retries, and reports what it got.
Without a network it says so and exits 0; with one it exits 1 if a link is
broken, so a maintainer notices, but nothing else depends on it.

Pure Python: nothing here imports MkDocs.
"""
from __future__ import annotations

import socket
import sys
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from ..siteurls import built_url
from . import read_config
from .builtsite import BuiltSite
from .links import scan

USER_AGENT = "qandy-qantar-link-check/1 (+https://github.com/qandy-qantar/qandy-qantar)"
RETRY_STATUSES = {429, 500, 502, 503, 504}
HEAD_REFUSED = {400, 403, 404, 405, 501}  # some servers answer HEAD wrongly: ask again with GET


@dataclass(frozen=True)
class Result:
    url: str
    status: int | None  # HTTP status of the last answer, None if there was none
    detail: str  # "ok", the reason, or the error

    @property
    def ok(self) -> bool:
        return self.status is not None and self.status < 400


def external_urls(site: BuiltSite, own: str | None = None) -> dict[str, list[str]]:
    """url -> the pages (site-relative URLs) that link to it, both sorted."""
    used: dict[str, set[str]] = {}
    own_prefix = own.rstrip("/") + "/" if own else None
    for path, built in site.pages.items():
        page = built_url(path)
        for link in scan(built).links:
            url = link.url
            if urlsplit(url).scheme not in ("http", "https"):
                continue
            if own_prefix and (url + "/").startswith(own_prefix):
                continue
            used.setdefault(url, set()).add(page or "/")
    return {url: sorted(pages) for url, pages in sorted(used.items())}


def probe_addresses(urls) -> list[tuple[str, int]]:
    """Where a request would first connect: the proxy if one is set for the scheme, else the host."""
    proxies = urllib.request.getproxies()
    seen = []
    for url in urls:
        parts = urlsplit(url)
        proxy = proxies.get(parts.scheme)
        if proxy and not urllib.request.proxy_bypass(parts.hostname or ""):
            parts = urlsplit(proxy if "//" in proxy else f"http://{proxy}")
        address = (parts.hostname or "", parts.port or (443 if parts.scheme == "https" else 80))
        if address not in seen:
            seen.append(address)
    return seen


def online(urls, timeout: float = 3.0, tries: int = 3) -> bool:
    """True if any of the first few places the URLs would connect to answers."""
    for host, port in probe_addresses(urls)[:tries]:
        try:
            with socket.create_connection((host, port), timeout=timeout):
                return True
        except OSError:
            continue
    return False


def check_url(url: str, opener=None, timeout: float = 10.0, retries: int = 2, backoff: float = 1.0) -> Result:
    opener = opener or urllib.request.build_opener()
    result = Result(url, None, "not tried")
    for attempt in range(retries + 1):
        if attempt:
            time.sleep(backoff * attempt)
        result = _request(opener, url, "HEAD", timeout)
        if result.status in HEAD_REFUSED:
            result = _request(opener, url, "GET", timeout)
        if result.ok or (result.status is not None and result.status not in RETRY_STATUSES):
            return result
    return result


def _request(opener, url, method, timeout) -> Result:
    request = urllib.request.Request(url, method=method, headers={"User-Agent": USER_AGENT})
    try:
        with opener.open(request, timeout=timeout) as response:
            return Result(url, response.status, "ok")
    except urllib.error.HTTPError as error:
        return Result(url, error.code, str(error.reason))
    except (urllib.error.URLError, OSError, ValueError) as error:
        reason = getattr(error, "reason", error)
        return Result(url, None, f"no answer: {reason}")


def used_on(pages: list[str], total: int) -> str:
    if total > 1 and len(pages) == total:
        return f"every page ({total})"
    shown = ", ".join(pages[:6])
    return shown + (f" and {len(pages) - 6} more" if len(pages) > 6 else "")


def main(argv: list[str], opener=None, timeout: float = 10.0, retries: int = 2, backoff: float = 1.0) -> int:
    root = Path(argv[0]) if argv else Path.cwd()
    config = read_config(root)
    site = root / config["site_dir"]
    if not (site / "index.html").is_file():
        print(f"external: {config['site_dir']}/ has not been built; run `make build` first")
        return 0
    built = BuiltSite.read(site)
    urls = external_urls(built, config["site_url"])
    total = len(built.pages)
    print(f"{len(urls)} external URLs in {config['site_dir']}/:")
    for url, pages in urls.items():
        print(f"  {url}\n      used on {used_on(pages, total)}")
    if not urls:
        return 0
    if not online(urls):
        print("no network: none of these URLs was checked (this is not an error)")
        return 0
    broken = []
    for url, pages in urls.items():
        result = check_url(url, opener, timeout, retries, backoff)
        status = result.status if result.status is not None else "---"
        print(f"{'ok' if result.ok else 'BROKEN':6} {status} {url}" + ("" if result.ok else f" — {result.detail}"))
        if not result.ok:
            broken.append((result, pages))
    for result, pages in broken:
        print(f"broken external link — {result.url} — {result.detail} — used on {used_on(pages, total)}",
              file=sys.stderr)
    print(f"{len(urls) - len(broken)} of {len(urls)} external URLs answered")
    return 1 if broken else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
