"""Expanding uploads: a zip becomes its members, a plain file stays itself, bombs are refused.

Zip bombs are refused twice over: first by the sizes the archive declares (cheap, before
anything is inflated), then while inflating, because declared sizes are written by whoever
made the archive and can lie. Memory stays bounded by `max_file_bytes` per member.
"""

from __future__ import annotations

import io
import zipfile
import zlib
from collections.abc import Iterator
from pathlib import PurePosixPath

from .base import IngestError, UploadLimits

_CHUNK = 64 * 1024
# Below this size a high compression ratio is harmless (a page of blank lines compresses
# 1000x); the ratio check exists for members that would inflate to something large.
_RATIO_FLOOR_BYTES = 1024 * 1024
# Operating-system litter that zip tools add next to the real files.
_LITTER = {"thumbs.db", "desktop.ini"}
_BOMB = "The file is compressed suspiciously well (a possible zip bomb) and was not unpacked."


def _mb(n: int) -> str:
    return f"{n / (1024 * 1024):.0f} MB" if n >= 1024 * 1024 else f"{n:,} bytes"


def is_zip_name(name: str) -> bool:
    """True for names of zip archives (by extension: a .docx is a zip too, but not an archive)."""
    return PurePosixPath(name.replace("\\", "/")).suffix.lower() == ".zip"


def _is_litter(path: str) -> bool:
    parts = [p for p in path.replace("\\", "/").split("/") if p and p not in (".", "..")]
    if not parts:
        return True
    return (
        parts[0] == "__MACOSX" or any(part.startswith(".") for part in parts) or parts[-1].lower() in _LITTER
    )


def _member_label(archive: str, member: str) -> str:
    """`archive.zip/folder/file.txt`, with any `..` or leading slash dropped (names are only shown)."""
    parts = [p for p in member.replace("\\", "/").split("/") if p and p not in (".", "..")]
    return f"{archive}/{'/'.join(parts)}"


def iter_upload(name: str, data: bytes, *, limits: UploadLimits) -> Iterator[tuple[str, bytes | IngestError]]:
    """Yield `(name, bytes)` for every file in an upload, or `(name, IngestError)` for a bad one.

    A plain file yields itself once (or an IngestError when it is over `max_file_bytes`).
    A `.zip` yields each member, named `archive.zip/folder/file.txt`, skipping folders,
    `__MACOSX/` and dotfiles. A problem with the archive as a whole (damaged, too many
    members, too large in total) yields one IngestError named after the archive; a problem
    with one member (too large, compression ratio of a bomb, encrypted, nested zip) yields
    an IngestError for that member only, and the others are still unpacked.
    """
    if not is_zip_name(name):
        if len(data) > limits.max_file_bytes:
            yield (
                name,
                IngestError(
                    f"The file is {_mb(len(data))}; files may be at most {_mb(limits.max_file_bytes)}."
                ),
            )
        else:
            yield name, data
        return
    yield from _iter_zip(name, data, limits)


def _iter_zip(name: str, data: bytes, limits: UploadLimits) -> Iterator[tuple[str, bytes | IngestError]]:
    if not data:
        yield name, IngestError("The zip archive is empty.")
        return
    if len(data) > limits.max_total_uncompressed:
        yield (
            name,
            IngestError(
                f"The zip archive is {_mb(len(data))}; archives may be at most "
                f"{_mb(limits.max_total_uncompressed)}."
            ),
        )
        return
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        infos = [i for i in archive.infolist() if not i.is_dir() and not _is_litter(i.filename)]
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError, NotImplementedError):
        # NotImplementedError: a header claiming a zip version from the future, i.e. garbage.
        yield name, IngestError("The zip archive is damaged or incomplete and could not be opened.")
        return
    with archive:
        if not infos:
            yield name, IngestError("The zip archive contains no files.")
            return
        if len(infos) > limits.max_members:
            yield (
                name,
                IngestError(
                    f"The zip archive holds {len(infos):,} files; at most {limits.max_members:,} are "
                    "accepted per archive. Please split it into smaller archives."
                ),
            )
            return
        declared = sum(i.file_size for i in infos)
        if declared > limits.max_total_uncompressed:
            yield (
                name,
                IngestError(
                    f"The zip archive would unpack to {_mb(declared)}; at most "
                    f"{_mb(limits.max_total_uncompressed)} are accepted."
                ),
            )
            return
        budget = limits.max_total_uncompressed
        for info in infos:
            label = _member_label(name, info.filename)
            if budget <= 0:
                yield label, IngestError("Not unpacked: the archive's total size limit was reached.")
                continue
            result = _read_member(archive, info, limits, budget)
            if isinstance(result, bytes):
                budget -= len(result)
            yield label, result


def _read_member(
    archive: zipfile.ZipFile, info: zipfile.ZipInfo, limits: UploadLimits, budget: int
) -> bytes | IngestError:
    if is_zip_name(info.filename):
        return IngestError("Zip archives inside a zip archive are not unpacked; upload them separately.")
    if info.flag_bits & 0x1:
        return IngestError("The file is password-protected inside the zip archive.")
    if info.file_size > limits.max_file_bytes:
        return IngestError(
            f"The file is {_mb(info.file_size)}; files may be at most {_mb(limits.max_file_bytes)}."
        )
    if _ratio_exceeded(info.file_size, info.compress_size, limits):
        return IngestError(_BOMB)
    cap = min(limits.max_file_bytes, budget)
    chunks: list[bytes] = []
    size = 0
    try:
        with archive.open(info) as stream:
            while chunk := stream.read(_CHUNK):
                size += len(chunk)
                # Declared sizes can be forged: enforce the limits on what actually comes out.
                if size > cap:
                    if size > limits.max_file_bytes:
                        return IngestError(
                            f"The file unpacks to more than {_mb(limits.max_file_bytes)}; "
                            f"files may be at most {_mb(limits.max_file_bytes)}."
                        )
                    return IngestError("Not unpacked: the archive's total size limit was reached.")
                if _ratio_exceeded(size, info.compress_size, limits):
                    return IngestError(_BOMB)
                chunks.append(chunk)
    except (zipfile.BadZipFile, zlib.error, OSError, EOFError, ValueError):
        return IngestError("The file is damaged inside the zip archive and could not be unpacked.")
    except NotImplementedError:
        return IngestError("The file uses a compression method that is not supported.")
    return b"".join(chunks)


def _ratio_exceeded(size: int, compressed: int, limits: UploadLimits) -> bool:
    return size > _RATIO_FLOOR_BYTES and size > limits.max_ratio * max(compressed, 1)
