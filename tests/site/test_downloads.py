"""What a reader downloads reads like the page: no hidden checks in scripts or zips."""

import zipfile

HIDDEN = "sphinx_gallery_start_ignore"


def test_downloaded_scripts_have_no_hidden_checks(site_dir):
    scripts = sorted((site_dir / "_downloads").rglob("plot_*.py"))
    assert len(scripts) > 10
    for script in scripts:
        source = script.read_text(encoding="utf-8")
        assert HIDDEN not in source, script.name
        compile(source, script.name, "exec")  # still a whole program


def test_downloaded_zips_have_no_hidden_checks(site_dir):
    archives = sorted((site_dir / "_downloads").rglob("*.zip"))
    assert archives
    for path in archives:
        with zipfile.ZipFile(path) as archive:
            for name in archive.namelist():
                if name.endswith(".py"):
                    assert HIDDEN not in archive.read(name).decode("utf-8"), f"{path.name}: {name}"
