"""The site checks run in a forked child process alongside the build's last hooks (macros/background.py).

The unit tests run in a fresh interpreter: fork is used only while a process has one
thread, and the test runner may have others.
"""
import json
import subprocess
import sys
import textwrap

import pytest

from tests.conftest import ROOT, build, error_lines
from tests.test_broken_samples import expected, sample

SCRIPT = textwrap.dedent("""
    import json, os, signal, sys, threading, time
    sys.path.insert(0, sys.argv[1])
    from macros import background

    parent = os.getpid()

    def pid():
        return os.getpid()

    def fails():
        raise ValueError(f"no such page (process {os.getpid()})")

    def dies_in_the_child():
        if os.getpid() != parent:
            os._exit(3)
        return "done here"

    def unpicklable_in_the_child():
        return (lambda: "a function") if os.getpid() != parent else "done here"

    def sleeps_in_the_child():
        if os.getpid() != parent:
            time.sleep(60)
        return "done here"

    def outcome(pending):
        try:
            value = pending.result()
        except ValueError as error:
            value = ["raised " + str(error), "Traceback" in "".join(error.__notes__)]
        return [pending.forked, pending.answered_by_child, value]

    def descriptors():
        return len(os.listdir("/proc/self/fd"))

    found = {"parent": parent}
    for name, function in [("pid", pid), ("fails", fails), ("dies", dies_in_the_child),
                           ("unpicklable", unpicklable_in_the_child)]:
        found[name] = outcome(background.start(function))

    interrupted = background.start(sleeps_in_the_child)  # Ctrl-C kills the child, which leaves no trace
    time.sleep(0.2)
    os.kill(interrupted.child[0], signal.SIGINT)
    found["interrupted"] = outcome(interrupted)

    cancelled = background.start(sleeps_in_the_child)
    child, began = cancelled.child[0], time.monotonic()
    cancelled.cancel()
    try:
        os.kill(child, 0)
        found["cancelled"] = "still running"
    except ProcessLookupError:
        found["cancelled"] = time.monotonic() - began < 5

    before, fork = descriptors(), os.fork
    def no_fork():
        raise BlockingIOError(11, "Resource temporarily unavailable")
    os.fork = no_fork
    found["fork fails"] = outcome(background.start(pid)) + [descriptors() == before]
    os.fork = fork

    stop = threading.Event()
    threading.Thread(target=stop.wait).start()
    found["with a thread"] = outcome(background.start(pid))
    stop.set()
    print(json.dumps(found))
""")


def run_script() -> dict:
    result = subprocess.run([sys.executable, "-c", SCRIPT, str(ROOT)], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


@pytest.fixture(scope="module")
def found():
    return run_script()


def test_a_function_runs_in_a_child_and_its_result_comes_back(found):
    forked, answered, child = found["pid"]
    assert forked and answered and child != found["parent"]


def test_an_exception_in_the_child_comes_back_with_its_traceback(found):
    forked, answered, (message, traceback_noted) = found["fails"]
    assert forked and answered and traceback_noted
    assert message.startswith("raised no such page (process ") and str(found["parent"]) not in message


def test_without_an_answer_from_the_child_the_parent_does_the_work_itself(found):
    assert found["dies"] == [True, False, "done here"]
    assert found["unpicklable"] == [True, False, "done here"]


def test_an_interrupted_child_dies_and_a_cancelled_one_is_reaped(found):
    assert found["interrupted"] == [True, False, "done here"]
    assert found["cancelled"] is True


def test_without_fork_or_with_other_threads_the_function_runs_in_this_process(found):
    assert found["fork fails"] == [False, False, found["parent"], True]  # and no descriptor leaks
    assert found["with a thread"] == [False, False, found["parent"]]


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
