"""The drawn objects of a page, read with PDFium: the boxes of its images (as clipped), and its paths split
into subpaths.

A path object may hold many subpaths (a grid of table rules drawn as one path); each subpath is one
shape: a line (two points), a rectangle (four axis-aligned sides, closed) or a curve (anything else,
its box taken over all its points, Bézier control points included). Objects inside Form XObjects are
read too, moved by the forms' matrices to where they print.
"""

from __future__ import annotations

import ctypes
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any, Literal

import pypdfium2.raw as pdfium_c

from .geometry import Box

Matrix = tuple[float, float, float, float, float, float]
IDENTITY: Matrix = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)
CLOSE_ENOUGH = 0.01
"""Points this close (in points) are the same corner of a rectangle."""


@dataclass(frozen=True)
class Shape:
    """One drawn subpath, in page coordinates measured from the top-left corner."""

    kind: Literal["line", "rect", "curve"]
    box: Box
    fill: bool
    stroke: bool


@dataclass(frozen=True)
class Drawn:
    images: list[Box]
    shapes: list[Shape]


def read_drawn(page: Any, height: float) -> Drawn:
    """The images and shapes of a pypdfium2 page whose height is ``height`` points."""
    images: list[Box] = []
    shapes: list[Shape] = []
    for kind, handle, matrix in _objects(page.raw, IDENTITY, form=False):
        if kind == pdfium_c.FPDF_PAGEOBJ_IMAGE:
            images.append(_image_box(handle, matrix, height))
        else:
            shapes += _subpaths(handle, _multiply(_object_matrix(handle), matrix), height)
    return Drawn(images, shapes)


def _objects(container: Any, matrix: Matrix, *, form: bool) -> Iterator[tuple[int, Any, Matrix]]:
    """Every image and path object, with the matrix that takes its container's space to the page's."""
    count = pdfium_c.FPDFFormObj_CountObjects(container) if form else pdfium_c.FPDFPage_CountObjects(container)
    for index in range(count):
        handle = (pdfium_c.FPDFFormObj_GetObject(container, index) if form
                  else pdfium_c.FPDFPage_GetObject(container, index))
        kind = pdfium_c.FPDFPageObj_GetType(handle)
        if kind == pdfium_c.FPDF_PAGEOBJ_FORM:
            yield from _objects(handle, _multiply(_object_matrix(handle), matrix), form=True)
        elif kind in (pdfium_c.FPDF_PAGEOBJ_IMAGE, pdfium_c.FPDF_PAGEOBJ_PATH):
            yield kind, handle, matrix


def _object_matrix(handle: Any) -> Matrix:
    found = pdfium_c.FS_MATRIX()
    if not pdfium_c.FPDFPageObj_GetMatrix(handle, found):
        return IDENTITY
    return (found.a, found.b, found.c, found.d, found.e, found.f)


def _multiply(first: Matrix, then: Matrix) -> Matrix:
    """The matrix that applies ``first``, then ``then`` (PDF's row-vector convention)."""
    a, b, c, d, e, f = first
    a2, b2, c2, d2, e2, f2 = then
    return (a * a2 + b * c2, a * b2 + b * d2, c * a2 + d * c2, c * b2 + d * d2, e * a2 + f * c2 + e2,
            e * b2 + f * d2 + f2)


def _apply(matrix: Matrix, x: float, y: float) -> tuple[float, float]:
    a, b, c, d, e, f = matrix
    return a * x + c * y + e, b * x + d * y + f


def _box(points: list[tuple[float, float]], height: float) -> Box:
    xs, ys = [x for x, _ in points], [y for _, y in points]
    return Box(min(xs), height - max(ys), max(xs), height - min(ys))


def _image_box(handle: Any, matrix: Matrix, height: float) -> Box:
    """Where an image prints: its placed box, cut to its clipping path (a photo placed larger than its frame)."""
    left, bottom, right, top = (ctypes.c_float() for _ in range(4))
    pdfium_c.FPDFPageObj_GetBounds(handle, left, bottom, right, top)
    corners = [(left.value, bottom.value), (right.value, bottom.value), (left.value, top.value),
               (right.value, top.value)]
    box = _box([_apply(matrix, x, y) for x, y in corners], height)
    for clip in _clip_boxes(handle, matrix, height):
        box = Box(max(box.x0, clip.x0), max(box.top, clip.top), min(box.x1, clip.x1), min(box.bottom, clip.bottom))
    return box


def _clip_boxes(handle: Any, matrix: Matrix, height: float) -> Iterator[Box]:
    """The box of each path of an object's clipping path: what prints lies inside all of them."""
    clip = pdfium_c.FPDFPageObj_GetClipPath(handle)
    if not clip:
        return
    x, y = ctypes.c_float(), ctypes.c_float()
    for path in range(pdfium_c.FPDFClipPath_CountPaths(clip)):
        points = []
        for index in range(pdfium_c.FPDFClipPath_CountPathSegments(clip, path)):
            pdfium_c.FPDFPathSegment_GetPoint(pdfium_c.FPDFClipPath_GetPathSegment(clip, path, index), x, y)
            points.append(_apply(matrix, x.value, y.value))
        if len(points) > 1:
            yield _box(points, height)


def _subpaths(handle: Any, matrix: Matrix, height: float) -> list[Shape]:
    fill_mode, stroke = ctypes.c_int(), ctypes.c_int()
    pdfium_c.FPDFPath_GetDrawMode(handle, fill_mode, stroke)
    filled, stroked = fill_mode.value != pdfium_c.FPDF_FILLMODE_NONE, bool(stroke.value)
    if not filled and not stroked:
        return []
    x, y = ctypes.c_float(), ctypes.c_float()
    subpaths: list[tuple[list[tuple[float, float]], bool, bool]] = []
    for index in range(pdfium_c.FPDFPath_CountSegments(handle)):
        segment = pdfium_c.FPDFPath_GetPathSegment(handle, index)
        pdfium_c.FPDFPathSegment_GetPoint(segment, x, y)
        point = _apply(matrix, x.value, y.value)
        kind = pdfium_c.FPDFPathSegment_GetType(segment)
        if kind == pdfium_c.FPDF_SEGMENT_MOVETO or not subpaths:
            subpaths.append(([point], False, False))
            continue
        points, curved, _ = subpaths[-1]
        points.append(point)
        subpaths[-1] = (points, curved or kind == pdfium_c.FPDF_SEGMENT_BEZIERTO,
                        bool(pdfium_c.FPDFPathSegment_GetClose(segment)))
    return [Shape(_kind(points, curved, closed), _box(points, height), filled, stroked)
            for points, curved, closed in subpaths if len(points) > 1]


def _kind(points: list[tuple[float, float]], curved: bool, closed: bool) -> Literal["line", "rect", "curve"]:
    if curved:
        return "curve"
    corners = points[:-1] if len(points) == 5 and _same(points[0], points[4]) else points
    if len(corners) == 2:
        return "line"
    if len(corners) == 4 and (closed or len(points) == 5) and _square(corners):
        return "rect"
    return "curve"


def _same(first: tuple[float, float], second: tuple[float, float]) -> bool:
    return abs(first[0] - second[0]) <= CLOSE_ENOUGH and abs(first[1] - second[1]) <= CLOSE_ENOUGH


def _square(corners: list[tuple[float, float]]) -> bool:
    """Four corners going round an axis-aligned rectangle, starting along either axis."""
    (x0, y0), (x1, y1), (x2, y2), (x3, y3) = corners
    near = CLOSE_ENOUGH
    along_x = abs(y0 - y1) <= near and abs(x1 - x2) <= near and abs(y2 - y3) <= near and abs(x3 - x0) <= near
    along_y = abs(x0 - x1) <= near and abs(y1 - y2) <= near and abs(x2 - x3) <= near and abs(y3 - y0) <= near
    return along_x or along_y
