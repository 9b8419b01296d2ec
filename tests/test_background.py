"""The site checks run in a forked child process alongside the build's last hooks (macros/background.py).

The unit tests run in a fresh interpreter: fork is used only while a process has one
thread, and the test runner may have others.
"""
import json
import subprocess
import sys
import textwrap

from tests.conftest import ROOT, build, error_lines
from tests.test_broken_samples import expected, sample

SCRIPT = textwrap.dedent("""
    import json, os, sys, threading
    sys.path.insert(0, sys.argv[1])
    from macros import background

    parent = os.getpid()

    def pid():
        return os.getpid()

    def fails():
        raise ValueError("no such page")

    def dies_in_the_child():
        if os.getpid() != parent:
            os._exit(3)
        return "done here"

    def unpicklable_in_the_child():
        return (lambda: "a function") if os.getpid() != parent else "done here"

    def outcome(function):
        pending = background.start(function)
        try:
            return [pending.forked, pending.result()]
        except ValueError as error:
            return [pending.forked, "raised " + str(error)]

    found = {name: outcome(function) for name, function in
             [("pid", pid), ("fails", fails), ("dies", dies_in_the_child), ("unpicklable", unpicklable_in_the_child)]}
    found["parent"] = parent
    stop = threading.Event()
    threading.Thread(target=stop.wait).start()
    found["with a thread"] = outcome(pid)
    stop.set()
    print(json.dumps(found))
""")


def run_script() -> dict:
    result = subprocess.run([sys.executable, "-c", SCRIPT, str(ROOT)], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_a_function_runs_in_a_child_and_its_result_or_exception_comes_back():
    found = run_script()
    forked, child = found["pid"]
    assert forked and child != found["parent"]
    assert found["fails"] == [True, "raised no such page"]


def test_without_an_answer_from_the_child_the_parent_does_the_work_itself():
    found = run_script()
    assert found["dies"] == [True, "done here"]
    assert found["unpicklable"] == [True, "done here"]


def test_with_other_threads_running_the_function_runs_in_this_process():
    found = run_script()
    assert found["with a thread"] == [False, found["parent"]]


def test_a_real_build_checks_its_site_in_a_child_and_writes_claims_json(tmp_path):
    project = sample("good", tmp_path / "project")
    result = build(project, "--verbose")
    assert result.returncode == 0, result.stderr
    assert "The built site was checked in a child process" in result.stderr
    assert json.loads((project / "site" / "claims.json").read_text(encoding="utf-8"))


def test_a_problem_found_in_the_child_fails_the_build_with_its_message(tmp_path):
    project = sample("missing-page", tmp_path / "project")
    result = build(project, "--verbose")
    assert result.returncode == 1
    assert "The built site was checked in a child process" in result.stderr
    assert error_lines(result) == expected("missing-page", project)
