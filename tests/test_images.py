"""Images of docs/: at most 4,096 pixels a side and 16 megapixels, read from the header by Pillow, never decoded.

A 109 KB PNG of 30,000 × 30,000 pixels passed the build, which checked its first bytes only; a reader's
browser would try to decode 900 megapixels (round 4, attack 64).
"""
import struct
import zlib

from macros.pages import read_docs
from macros.pages.images import MOST_PIXELS, MOST_SIDE

SIZE = "an image is at most 4,096 pixels a side and 16 megapixels"
SCALE = "a reader's browser decodes every pixel, however small the file: scale it down"
FORMAT = "Pillow cannot read its header — save it in the format its name says"


def png(width: int, height: int) -> bytes:
    """A PNG's signature and header, then no pixel data: only the header is ever read."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0)) +
            chunk(b"IDAT", zlib.compress(b"")) + chunk(b"IEND", b""))


def gif(width: int, height: int) -> bytes:
    """A GIF's screen and one frame's descriptor, then no pixel data."""
    return (b"GIF89a" + struct.pack("<HHBBB", width, height, 0, 0, 0) + b"," +
            struct.pack("<HHHHB", 0, 0, width, height, 0) + b"\x02\x00;")


IMAGES = {
    "bomb.png": png(30_000, 30_000),  # over Pillow's own limit, which gives no size: ours is named
    "banner.png": png(5_000, 10),  # one side over
    "square.png": png(4_001, 4_001),  # each side under, 16,008,001 pixels over
    "wide.gif": gif(4_097, 1),
    "broken.png": b"\x89PNG\r\n\x1a\n" + bytes(100),  # the signature right, the header not
    "photo.jpg": b"\xff\xd8\xff" + bytes(100),
    "fits.png": png(MOST_SIDE, MOST_PIXELS // MOST_SIDE),  # at both limits: allowed
    "small.gif": gif(640, 480),
}
EXPECTED = [
    f"docs/banner.png:1: {SIZE} — 5,000 × 10 pixels — {SCALE}",
    f"docs/bomb.png:1: {SIZE} — more than 178,956,970 pixels — {SCALE}",
    f"docs/broken.png:1: file is not a PNG image — {FORMAT}",
    f"docs/photo.jpg:1: file is not a JPG image — {FORMAT}",
    f"docs/square.png:1: {SIZE} — 4,001 × 4,001 pixels, 16,008,001 in all — {SCALE}",
    f"docs/wide.gif:1: {SIZE} — 4,097 × 1 pixels — {SCALE}",
]


def test_an_image_too_large_to_decode_or_unreadable_is_refused_by_the_static_pass(tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    for name, data in IMAGES.items():
        (docs / name).write_bytes(data)
    pages, problems = read_docs(docs)
    assert sorted(str(problem) for problem in problems) == EXPECTED


def test_the_files_mkdocs_lists_are_checked_the_same_way(tmp_path):
    from mkdocs.structure.files import File

    from macros.mkdocs_plugin.docsfiles import docs_files_problems

    docs = tmp_path / "docs"
    docs.mkdir()
    for name, data in IMAGES.items():
        (docs / name).write_bytes(data)
    files = [File(name, str(docs), str(tmp_path / "site"), use_directory_urls=True) for name in IMAGES]
    assert sorted(str(problem) for problem in docs_files_problems(files, docs)) == EXPECTED
