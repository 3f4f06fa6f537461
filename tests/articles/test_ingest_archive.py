"""Expanding uploads: zip members, litter, limits, damaged archives and zip bombs."""

from __future__ import annotations

import io
import struct
import zipfile

import pytest

from articles.ingest import IngestError, UploadLimits, iter_upload, parse_file

LIMITS = UploadLimits(max_file_bytes=1024 * 1024, max_members=1000, max_total_uncompressed=8 * 1024 * 1024)
ARTICLE = b"Titel des Artikels\n\nDer erste Absatz des Artikels ist hier.\n"


def _zip(members: dict[str, bytes], *, compression: int = zipfile.ZIP_DEFLATED) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=compression) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def _expand(name: str, data: bytes, limits: UploadLimits = LIMITS) -> dict[str, bytes | IngestError]:
    return dict(iter_upload(name, data, limits=limits))


def test_plain_file_yields_itself():
    assert _expand("a.txt", ARTICLE) == {"a.txt": ARTICLE}


def test_plain_file_over_the_size_limit_is_rejected():
    (result,) = _expand("big.txt", b"x" * (LIMITS.max_file_bytes + 1)).values()
    assert isinstance(result, IngestError)
    assert "at most 1 MB" in str(result)


def test_zip_members_in_folders_are_yielded_and_litter_skipped():
    data = _zip(
        {
            "a.txt": ARTICLE,
            "2024/juni/b.txt": ARTICLE + b"Zweiter Absatz.\n",
            "2024/juni/c.html": b"<html><body><p>x</p></body></html>",
            "__MACOSX/2024/._b.txt": b"\x00\x05\x16\x07",
            ".DS_Store": b"\x00\x00\x00\x01Bud1",
            "2024/.hidden.txt": b"secret",
            "Thumbs.db": b"\xd0\xcf\x11\xe0",
        }
    )
    members = _expand("upload.zip", data)
    assert list(members) == ["upload.zip/a.txt", "upload.zip/2024/juni/b.txt", "upload.zip/2024/juni/c.html"]
    assert members["upload.zip/a.txt"] == ARTICLE
    assert parse_file("upload.zip/2024/juni/b.txt", members["upload.zip/2024/juni/b.txt"]).body.endswith(
        "Zweiter Absatz."
    )


def test_member_names_cannot_climb_out_of_the_archive():
    members = _expand("up.zip", _zip({"../../etc/passwd.txt": ARTICLE, "/abs/x.txt": ARTICLE}))
    assert list(members) == ["up.zip/etc/passwd.txt", "up.zip/abs/x.txt"]


@pytest.mark.parametrize(
    "data",
    [b"PK\x03\x04 this is not really a zip", b"not a zip at all", _zip({"a.txt": ARTICLE})[:40]],
    ids=["bad-header", "garbage", "truncated"],
)
def test_corrupt_zip_is_one_error(data: bytes):
    members = _expand("broken.zip", data)
    assert list(members) == ["broken.zip"]
    assert "damaged" in str(members["broken.zip"])


def test_empty_zip_is_one_error():
    members = _expand("empty.zip", _zip({}))
    assert "no files" in str(members["empty.zip"])


def test_zip_of_two_thousand_files_is_refused_as_a_whole():
    data = _zip({f"f{i:04}.txt": ARTICLE for i in range(2000)})
    members = _expand("many.zip", data, UploadLimits())
    assert list(members) == ["many.zip"]
    assert "2,000 files" in str(members["many.zip"])
    assert "1,000" in str(members["many.zip"])


def test_member_over_the_size_limit_is_rejected_and_the_others_are_kept():
    big = b"Ein Satz, der sich oft wiederholt, aber nicht zu oft. " * 30_000  # ~1.6 MB
    members = _expand("mixed.zip", _zip({"a.txt": ARTICLE, "big.txt": big, "c.txt": ARTICLE}))
    assert members["mixed.zip/a.txt"] == ARTICLE
    assert members["mixed.zip/c.txt"] == ARTICLE
    assert isinstance(members["mixed.zip/big.txt"], IngestError)


def test_zip_bomb_is_refused_by_its_compression_ratio():
    mb50 = 50 * 1024 * 1024
    limits = UploadLimits(max_file_bytes=mb50, max_members=10, max_total_uncompressed=mb50)
    bomb = _zip({"a.txt": ARTICLE, "bomb.txt": b"\x00" * (20 * 1024 * 1024)})
    assert len(bomb) < 100_000
    members = _expand("bomb.zip", bomb, limits)
    assert members["bomb.zip/a.txt"] == ARTICLE
    assert "zip bomb" in str(members["bomb.zip/bomb.txt"])


def test_zip_declaring_more_than_the_total_limit_is_refused_before_unpacking():
    members = {f"{i}.txt": b"a" * (900 * 1024) for i in range(12)}  # 12 x 0.9 MB > 8 MB
    result = _expand("huge.zip", _zip(members))
    assert list(result) == ["huge.zip"]
    assert "would unpack to" in str(result["huge.zip"])


def _forge_sizes(data: bytes, declared: int) -> bytes:
    """Rewrite the uncompressed size in every local and central header: a lying archive."""
    raw = bytearray(data)
    for signature, offset in ((b"PK\x03\x04", 22), (b"PK\x01\x02", 24)):
        start = 0
        while (start := raw.find(signature, start)) != -1:
            struct.pack_into("<I", raw, start + offset, declared)
            start += 4
    return bytes(raw)


def test_forged_sizes_are_caught_while_unpacking():
    real = b"Eine Zeile Text, die sich wiederholt.\n" * 100_000  # ~3.8 MB, ratio below the bomb limit
    limits = UploadLimits(max_file_bytes=1024 * 1024, max_members=10, max_total_uncompressed=2 * 1024 * 1024)
    forged = _forge_sizes(_zip({"liar.txt": real}, compression=zipfile.ZIP_STORED), declared=1000)
    (result,) = _expand("liar.zip", forged, limits).values()
    assert isinstance(result, IngestError)  # cut off at the limit, or caught by the CRC check


def test_nested_zip_is_not_unpacked():
    members = _expand("outer.zip", _zip({"inner.zip": _zip({"a.txt": ARTICLE}), "b.txt": ARTICLE}))
    assert "inside a zip" in str(members["outer.zip/inner.zip"])
    assert members["outer.zip/b.txt"] == ARTICLE


def test_zip_larger_than_the_total_limit_is_refused_unread():
    limits = UploadLimits(max_file_bytes=100, max_members=10, max_total_uncompressed=1000)
    data = _zip({"a.txt": bytes(range(256)) * 20}, compression=zipfile.ZIP_STORED)
    members = _expand("big.zip", data, limits)
    assert list(members) == ["big.zip"]
    assert "at most" in str(members["big.zip"])
