"""The build freezes the static pass's results for the garbage collector (macros/__init__.py) and
must unfreeze them when it ends, or `mkdocs serve` would keep every build's objects."""
import gc

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort, PluginError

from tests.conftest import make_project

CITED = 'Text.{{ cite("alpha", "At least 238 people were killed") }}\n'


@pytest.mark.parametrize("page, fails", [(CITED, False), ('Text.{{ cite("alpha", "not in the source") }}\n', True),
                                         (CITED + "\n[broken](missing.md)\n", True)])
def test_a_build_leaves_nothing_frozen(tmp_path, monkeypatch, page, fails):
    project = make_project(tmp_path / "project", {"index.md": page})
    monkeypatch.chdir(project)
    assert gc.get_freeze_count() == 0
    config = load_config(str(project / "mkdocs.yml"), site_dir=str(project / "site"))
    if fails:
        with pytest.raises((Abort, PluginError)):
            build(config)
    else:
        build(config)
        assert (project / "site" / "claims.json").is_file()
    assert gc.get_freeze_count() == 0
