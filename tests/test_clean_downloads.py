"""Downloaded scripts lose the build's hidden checks (docs/_ext/clean_downloads.py)."""

import io
import zipfile

from clean_downloads import clean_script, clean_zip

SOURCE = '''\
"""
A page
======
"""
# sphinx_gallery_thumbnail_number = 2
import torch

x = torch.ones(2)
print(x)
# sphinx_gallery_start_ignore
assert x.sum() == 2
# sphinx_gallery_end_ignore
try:
    x.add_(1)
    # sphinx_gallery_start_ignore
    raise AssertionError("should have failed")
    # sphinx_gallery_end_ignore
except RuntimeError:
    pass
'''


def test_hidden_blocks_and_config_comments_go_the_code_stays():
    cleaned = clean_script(SOURCE)
    assert "sphinx_gallery" not in cleaned
    assert "assert" not in cleaned
    for line in ("import torch", "print(x)", "    x.add_(1)", "except RuntimeError:"):
        assert line in cleaned.splitlines()
    compile(cleaned, "page.py", "exec")
    assert clean_script(cleaned) == cleaned


def make_zip(members: dict[str, str]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, text in members.items():
            archive.writestr(zipfile.ZipInfo(name, date_time=(2024, 1, 2, 3, 4, 6)), text)
    return out.getvalue()


def test_zips_keep_their_members_and_lose_the_hidden_blocks():
    original = make_zip({"a/page.py": SOURCE, "a/page.ipynb": '{"cells": []}'})
    cleaned = clean_zip(original)
    with zipfile.ZipFile(io.BytesIO(cleaned)) as archive:
        infos = archive.infolist()
        assert [info.filename for info in infos] == ["a/page.py", "a/page.ipynb"]
        assert {info.date_time for info in infos} == {(2024, 1, 2, 3, 4, 6)}
        assert archive.read("a/page.py").decode() == clean_script(SOURCE)
        assert archive.read("a/page.ipynb") == b'{"cells": []}'
    assert clean_zip(cleaned) == cleaned
