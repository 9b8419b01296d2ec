"""The pipeline around the checks: CI workflows, pre-commit, edit links, reproducible builds, external links."""
import hashlib
import http.server
import os
import re
import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
import yaml
from selectolax.lexbor import LexborHTMLParser

from macros.editions import read_editions
from macros.sitecheck import external
from macros.sitecheck.builtsite import BuiltSite
from tests.conftest import FIXTURES, MKDOCS, ROOT, build, make_project

WORKFLOWS = ROOT / ".github" / "workflows"
PINNED = re.compile(r"^\s*-?\s*uses:\s*([\w.-]+/[\w./-]+)@([0-9a-f]{40}) # v\d+(\.\d+)*\s*$")
COPY_IGNORE = shutil.ignore_patterns(".venv", "site", ".git", "__pycache__", ".pytest_cache", "node_modules", "dist")


def workflow(name):
    data = yaml.safe_load((WORKFLOWS / name).read_text(encoding="utf-8"))
    data["on"] = data.pop(True, data.get("on"))  # YAML 1.1 reads the key `on` as true
    return data


WORKFLOW_NAMES = sorted(path.name for path in WORKFLOWS.iterdir())
SOURCES_CHECK = "pull-request-sources.yml"


def test_the_workflows_folder_holds_only_workflows_and_every_one_is_read_only_at_the_top():
    assert WORKFLOW_NAMES
    for name in WORKFLOW_NAMES:
        assert name.endswith((".yml", ".yaml")), name
        assert workflow(name)["permissions"] == {"contents": "read"}, name


@pytest.mark.parametrize("name", WORKFLOW_NAMES)
def test_no_expression_is_interpolated_into_a_shell_line(name):
    """zizmor's template-injection rule: values reach `run:` through `env:`, which the shell never parses."""
    for job in workflow(name)["jobs"].values():
        for step in job["steps"]:
            assert "${{" not in step.get("run", ""), (name, step["run"])


@pytest.mark.parametrize("name", WORKFLOW_NAMES)
def test_every_action_is_pinned_to_a_full_commit_with_its_version(name):
    lines = [line for line in (WORKFLOWS / name).read_text(encoding="utf-8").splitlines() if "uses:" in line]
    assert lines
    for line in lines:
        assert PINNED.match(line), line


@pytest.mark.parametrize("name", WORKFLOW_NAMES)
def test_no_workflow_uses_secrets_or_pull_request_target_and_checkout_keeps_no_token(name):
    text = "\n".join(line.split("#")[0] for line in (WORKFLOWS / name).read_text(encoding="utf-8").splitlines())
    assert "pull_request_target" not in text and "secrets" not in text
    for job in workflow(name)["jobs"].values():
        for step in job["steps"]:
            if step.get("uses", "").startswith("actions/checkout@"):
                assert step["with"]["persist-credentials"] is False


def test_pull_requests_run_make_test_with_a_read_only_token():
    data = workflow("pull-request.yml")
    assert data["on"] == {"pull_request": None}  # the default types: a label added or removed does not re-run it
    assert data["permissions"] == {"contents": "read"}
    [job] = data["jobs"].values()
    assert "permissions" not in job
    assert [step["run"] for step in job["steps"] if "run" in step] == ["make test"]


def test_pull_requests_run_make_check_pr_against_their_base_on_every_change_of_code_or_labels():
    """Issue 23: an existing source changed or a new source passes only with a maintainer's label."""
    data = workflow(SOURCES_CHECK)
    assert data["on"] == {"pull_request": {"types": ["opened", "synchronize", "reopened", "labeled", "unlabeled"]}}
    assert data["concurrency"]["group"] != workflow("pull-request.yml")["concurrency"]["group"]
    [job] = data["jobs"].values()
    assert "permissions" not in job
    checkout = next(step for step in job["steps"] if step.get("uses", "").startswith("actions/checkout@"))
    assert checkout["with"] == {"persist-credentials": False, "fetch-depth": 0}  # the merge commit and its base
    [step] = [step for step in job["steps"] if "run" in step]
    assert step["run"] == "make check-pr"
    assert step["env"] == {"BASE": "HEAD^1", "LABELS": "${{ join(github.event.pull_request.labels.*.name, ',') }}"}


def test_make_check_pr_takes_base_and_labels_from_its_environment_not_the_shell_line():
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    recipe = makefile.split("\ncheck-pr:", 1)[1].split("\n\n", 1)[0]
    assert '-m macros.corpus.changes --base="$$BASE" --labels="$$LABELS"' in recipe
    assert "$(LABELS)" not in recipe and "$(BASE)" not in recipe


def pre_commit_hooks() -> dict[str, dict]:
    config = yaml.safe_load((ROOT / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    assert all(repo["repo"] == "local" for repo in config["repos"])  # nothing fetched to run a hook
    return {hook["id"]: hook for repo in config["repos"] for hook in repo["hooks"]}


def test_zizmor_finds_nothing_in_the_workflows_offline_as_the_pre_commit_hook_runs_it():
    """zizmor is pinned in requirements-dev.txt and installed beside this interpreter by `make install`; `make
    test` runs the pre-commit hook's own command. --offline: no online audit, no request (it passes with no
    network at all); --strict-collection: a workflow zizmor cannot read fails instead of being skipped."""
    hook = pre_commit_hooks()["zizmor"]
    program, *arguments = hook["entry"].split()
    assert program == ".venv/bin/zizmor" and {"--offline", "--strict-collection"} <= set(arguments), hook["entry"]
    assert hook["pass_filenames"] is False and arguments[-1].rstrip("/") == WORKFLOWS.relative_to(ROOT).as_posix()
    assert re.search(hook["files"], ".github/workflows/any.yml") and not re.search(hook["files"], "docs/index.md")
    zizmor = Path(sys.executable).with_name("zizmor")
    assert zizmor.exists(), "zizmor is missing: `make install` installs requirements-dev.txt"
    result = subprocess.run([zizmor, *arguments], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr  # any finding exits 10 or more


def test_deploy_runs_from_main_only_and_only_its_deploy_job_may_write_to_pages():
    data = workflow("deploy.yml")
    assert data["on"] == {"push": {"branches": ["main"]}, "workflow_dispatch": None}
    assert data["permissions"] == {"contents": "read"}
    jobs = data["jobs"]
    assert all(job["if"] == "github.ref == 'refs/heads/main'" for job in jobs.values())
    assert "permissions" not in jobs["build"]
    assert jobs["deploy"]["permissions"] == {"pages": "write", "id-token": "write"}
    assert jobs["deploy"]["needs"] == "build" and jobs["deploy"]["environment"]["name"] == "github-pages"
    runs = [step["run"] for step in jobs["build"]["steps"] if "run" in step]
    # dated by the last change to any edition's pages or the sources: the latest day any edition's dateline may show
    folders = " ".join([*(edition.docs_dir for edition in read_editions(ROOT)[0]), "seeds"])
    assert "docs-ru" in folders.split()
    assert runs == ["make test", f'SOURCE_DATE_EPOCH="$(git log -1 --format=%ct -- {folders})" make build']
    checkout = next(step for step in jobs["build"]["steps"] if step.get("uses", "").startswith("actions/checkout@"))
    assert checkout["with"]["fetch-depth"] == 0  # the last commit that changed docs/ or seeds/, not only the tip
    # the job that may write runs GitHub's deploy action alone: no code of ours, nobody else's action
    assert [step["uses"].split("@")[0] for step in jobs["deploy"]["steps"]] == ["actions/deploy-pages"]


def test_pre_commit_runs_the_static_pass_on_changed_pages_and_seeds():
    hook = pre_commit_hooks()["citation-check"]
    assert hook["entry"].endswith("python -m macros.check")
    assert hook["pass_filenames"] is False
    files = re.compile(hook["files"])
    for path in ("docs/crackdown.md", "docs-ru/index.md", "mkdocs.ru.yml", "seeds/catalogue.yml", "seeds/SHA256SUMS",
                 "macros/claims/__init__.py", "macros/render/templates/figures.html"):
        assert files.search(path), path
    for path in ("README.md", "tests/test_pipeline.py", "overrides/assets/citations.css"):
        assert not files.search(path), path


def test_make_check_runs_the_static_pass_then_the_site_checks():
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    check = makefile.split("\ncheck:", 1)[1].split("\n\n", 1)[0]
    assert "-m macros.check" in check and "-m macros.sitecheck" in check
    assert "-m macros.sitecheck.external" in makefile.split("\ncheck-external:", 1)[1].split("\n\n", 1)[0]


def test_every_page_has_an_edit_link_to_what_it_is_made_of(tmp_path):
    pages = {path.relative_to(FIXTURES / "broken" / "good" / "docs").as_posix(): path.read_text(encoding="utf-8")
             for path in (FIXTURES / "broken" / "good" / "docs").rglob("*.md")}
    project = make_project(tmp_path / "project", pages)
    result = build(project)
    assert result.returncode == 0, result.stderr
    edit = "https://github.com/qandy-qantar/qandy-qantar/edit/main/"
    expected = {"index.html": "docs/index.md", "other/index.html": "docs/other.md",
                "sources/index.html": "seeds/catalogue.yml", "sources/alpha/index.html": "seeds/catalogue.yml",
                "figures/index.html": "macros/claims/figure_kinds.yml"}
    for page, target in expected.items():
        tree = LexborHTMLParser((project / "site" / page).read_text(encoding="utf-8"))
        links = [link.attributes.get("href") for link in tree.css(".qq-correction a[rel=edit]")]
        assert links == [edit + target], page  # "Suggest a correction", the page's last line


def test_two_builds_of_the_same_tree_are_byte_identical(tmp_path):
    """Built from two copies at different paths, a second apart, into different directories."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": "1700000000"}
    trees = []
    for name in ("one", "two"):
        copy = tmp_path / f"checkout-{name}"
        shutil.copytree(ROOT, copy, ignore=COPY_IGNORE)
        site = tmp_path / f"site-{name}"
        result = subprocess.run([str(MKDOCS), "build", "--strict", "-d", str(site)], cwd=copy, env=env,
                                capture_output=True, text=True, timeout=300)
        assert result.returncode == 0, result.stderr
        trees.append({path.relative_to(site).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
                      for path in sorted(site.rglob("*")) if path.is_file()})
        time.sleep(1.1)
    assert trees[0] == trees[1]
    assert {"claims.json", "sitemap.xml", "sitemap.xml.gz", "search/search_index.json"} <= set(trees[0])
    sitemap = (tmp_path / "site-one" / "sitemap.xml").read_text(encoding="utf-8")
    assert set(re.findall(r"<lastmod>(.*?)</lastmod>", sitemap)) == {"2023-11-14"}  # the epoch's date


class _Handler(http.server.BaseHTTPRequestHandler):
    def do_HEAD(self):
        if self.path == "/no-head":
            self.send_response(405)
        elif self.path == "/flaky":
            self.server.flaky += 1
            self.send_response(503 if self.server.flaky < 2 else 200)
        else:
            self.send_response({"/ok": 200, "/gone": 404}.get(self.path, 404))
        self.end_headers()

    def do_GET(self):
        self.send_response(200 if self.path in ("/ok", "/no-head") else 404)
        self.end_headers()

    def log_message(self, *args):
        pass


@pytest.fixture
def server():
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    httpd.flaky = 0
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def site_with_links(root, base):
    for name, links in {"index.html": ["/ok", "/gone", "/no-head"], "a/index.html": ["/ok", "/flaky"]}.items():
        page = root / "site" / name
        page.parent.mkdir(parents=True, exist_ok=True)
        page.write_text("".join(f'<a href="{base}{link}">x</a>\n' for link in links)
                        + '<a href="https://qandy-qantar.github.io/qandy-qantar/a/">own</a>'
                        + '<a href="mailto:x@example.org">m</a><a href="a/">in</a>', encoding="utf-8")
    (root / "mkdocs.yml").write_text("site_url: https://qandy-qantar.github.io/qandy-qantar/\n", encoding="utf-8")
    return root


def test_external_links_are_listed_with_their_pages_and_checked_against_a_local_server(tmp_path, server, capsys,
                                                                                     monkeypatch):
    for name in ("http_proxy", "HTTP_PROXY", "https_proxy", "HTTPS_PROXY", "all_proxy", "ALL_PROXY"):
        monkeypatch.delenv(name, raising=False)
    root = site_with_links(tmp_path, server)
    assert external.external_urls(BuiltSite.read(root / "site"), "https://qandy-qantar.github.io/qandy-qantar/") == {
        f"{server}/flaky": ["a/"], f"{server}/gone": ["/"], f"{server}/no-head": ["/"], f"{server}/ok": ["/", "a/"]}
    assert external.main([str(root)], timeout=5, retries=2, backoff=0.01) == 1
    out, err = capsys.readouterr()
    assert f"ok     200 {server}/ok" in out
    assert f"ok     200 {server}/no-head" in out  # HEAD refused, GET answered
    assert f"ok     200 {server}/flaky" in out  # 503 once, then retried
    assert f"BROKEN 404 {server}/gone — Not Found" in out
    assert "      used on every page (2)" in out
    assert err == f"broken external link — {server}/gone — Not Found — used on /\n"


def test_without_a_network_external_links_are_listed_and_nothing_fails(tmp_path, capsys, monkeypatch):
    for name in ("http_proxy", "HTTP_PROXY", "https_proxy", "HTTPS_PROXY", "all_proxy", "ALL_PROXY"):
        monkeypatch.delenv(name, raising=False)
    closed = http.server.HTTPServer(("127.0.0.1", 0), _Handler)
    port = closed.server_address[1]
    closed.server_close()  # nothing listens there any more: as if there were no network
    root = site_with_links(tmp_path, f"http://127.0.0.1:{port}")
    assert external.main([str(root)], timeout=1, retries=0, backoff=0) == 0
    out = capsys.readouterr().out
    assert f"http://127.0.0.1:{port}/ok\n      used on every page (2)" in out
    assert out.endswith("no network: none of these URLs was checked (this is not an error)\n")


def test_the_external_check_is_never_part_of_the_build_or_of_ci():
    for path in [ROOT / ".ci" / "run", ROOT / "macros" / "mkdocs_plugin" / "plugin.py",
                 ROOT / "macros" / "sitecheck" / "__init__.py", *WORKFLOWS.iterdir()]:
        assert "external" not in path.read_text(encoding="utf-8"), path
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    for target in ("build", "test", "check"):
        recipe = makefile.split(f"\n{target}:", 1)[1].split("\n\n", 1)[0]
        assert "external" not in recipe, target


def test_everything_but_pages_and_sources_has_a_code_owner():
    """SECURITY.md: mkdocs.yml, macros/, overrides/, tests/, the workflows and the Makefile are code; the promise
    itself and the rules for contributors are reviewed too, and so is seeds/, which make check-pr holds for a
    maintainer's label."""
    rules = []
    for line in (ROOT / ".github" / "CODEOWNERS").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            pattern, *owners = line.split()
            rules.append((pattern, owners))

    def owners_of(path: str) -> list[str]:
        matched = [owners for pattern, owners in rules
                   if pattern == "*" or path.startswith(pattern.lstrip("/")) or path == pattern.lstrip("/")]
        return matched[-1] if matched else []  # the last matching rule wins

    for path in ("mkdocs.yml", "macros/check.py", "overrides/main.html", "tests/conftest.py", ".github/workflows/x",
                 "Makefile", ".ci/run", "pyproject.toml", "requirements.txt", "SECURITY.md", "CONTRIBUTING.md",
                 ".pre-commit-config.yaml"):
        assert owners_of(path), path
    assert owners_of("docs/crackdown.md") == []
    # every change to seeds/ waits for a maintainer's label anyway (make check-pr), a translation's words too
    for path in ("seeds/catalogue.yml", "seeds/catalogue.ru.yml", "seeds/alpha.txt"):
        assert owners_of(path), path
    # a page exempt from citations states what it likes: a maintainer reviews it, as mkdocs.yml that lists it; in
    # every edition (macros/editions), whose pages are otherwise content, and whose config is code
    from macros.editions import read_editions

    for edition in read_editions(ROOT)[0]:
        assert owners_of(edition.config), edition.config
        assert owners_of(f"{edition.docs_dir}/index.md") == [], edition.docs_dir
        assert edition.exempt and all(owners_of(f"{edition.docs_dir}/{page}") for page in edition.exempt), edition
