"""The API stubs are regenerated when, and only when, what they are made from changed."""

from types import SimpleNamespace

from api_stubs import STAMP, restore, skip_if_current, stamp_of


class App:
    def __init__(self, confdir):
        self.confdir = confdir
        self.config = SimpleNamespace(autosummary_generate=True)
        self.handlers = []

    def connect(self, event, handler):
        self.handlers.append((event, handler))

    def finish(self, exception=None):
        for event, handler in self.handlers:
            assert event == "build-finished"
            handler(self, exception)


def site(tmp_path):
    (tmp_path / "_templates" / "autosummary").mkdir(parents=True)
    (tmp_path / "_templates" / "autosummary" / "function.rst").write_text("{{ fullname }}")
    (tmp_path / "api.rst").write_text("API\n===\n")
    (tmp_path / "gen_modules").mkdir()
    (tmp_path / "gen_modules" / "torchintro.x.rst").write_text("x")
    return tmp_path


def build(confdir, exception=None) -> bool:
    """Run the handlers of a build; return whether autosummary saw generation on."""
    app = App(confdir)
    skip_if_current(app)
    seen = app.config.autosummary_generate  # what autosummary's handler reads
    restore(app)
    assert app.config.autosummary_generate is True  # as configured, for Sphinx to compare
    app.finish(exception)
    return seen


def test_generate_until_a_build_succeeds_then_only_after_a_change(tmp_path):
    confdir = site(tmp_path)
    assert build(confdir, exception=RuntimeError()) is True  # a failed build writes no stamp
    assert not (confdir / "gen_modules" / STAMP).exists()
    assert build(confdir) is True
    assert build(confdir) is False  # nothing changed
    (confdir / "api.rst").write_text("API\n===\n\n.. autosummary::\n")
    assert build(confdir) is True
    assert build(confdir) is False
    (confdir / "_templates" / "autosummary" / "function.rst").write_text("{{ name }}")
    assert build(confdir) is True
    (confdir / "gen_modules" / "torchintro.x.rst").unlink()
    assert build(confdir) is True  # a stub gone: made again
    assert build(confdir) is True  # (this fake autosummary writes none: still missing)
    (confdir / "gen_modules" / "torchintro.x.rst").write_text("x")
    assert build(confdir) is True  # the stamp lists no stub now: once more
    assert build(confdir) is False
    (confdir / "gen_modules" / STAMP).write_text("not json")
    assert build(confdir) is True


def test_the_stamp_follows_names_and_contents(tmp_path):
    a, b = tmp_path / "a.rst", tmp_path / "b.rst"
    a.write_text("x")
    b.write_text("x")
    assert stamp_of([a]) != stamp_of([b])
    first = stamp_of([a])
    a.write_text("y")
    assert stamp_of([a]) != first
