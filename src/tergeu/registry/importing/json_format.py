"""JSON: an array of objects, or an object holding one such array (``{"records": [...]}``)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

from tergeu.registry.importing.table import ImportProblem, Row, Table


def _cell(value: object) -> str | None:
    if value is None:
        return None
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return str(int(value)) if isinstance(value, float) and value.is_integer() else str(value)
    return json.dumps(value, ensure_ascii=False)


def _find_array(document: object, path: Path) -> list:
    if isinstance(document, list):
        return document
    if isinstance(document, dict):
        arrays = [v for v in document.values() if isinstance(v, list)]
        if len(arrays) == 1:
            return arrays[0]
    raise ImportProblem(path, "expected an array of objects, or an object holding exactly one such array")


def read_json(path: Path, data: bytes) -> Table:
    try:
        document = json.loads(data.decode("utf-8-sig"))
    except UnicodeDecodeError:
        raise ImportProblem(path, "JSON must be UTF-8") from None
    except json.JSONDecodeError as exc:
        raise ImportProblem(path, f"invalid JSON at line {exc.lineno}, column {exc.colno}: {exc.msg}") from None
    except RecursionError:  # a list is an array of flat objects; thousands of nested brackets are not one
        raise ImportProblem(path, "JSON nested too deeply (arrays or objects inside each other thousands of "
                                  "levels deep): not a list of records") from None
    items = _find_array(document, path)
    headers: list[str] = []
    seen: set[str] = set()
    for number, item in enumerate(items, 1):
        if not isinstance(item, dict):
            raise ImportProblem(path, f"row {number} is not an object")
        for key in item:
            if key not in seen:
                seen.add(key)
                headers.append(key)

    def rows() -> Iterator[Row]:
        for number, item in enumerate(items, 1):
            yield Row(number, [_cell(item.get(h)) for h in headers])

    return Table(path, "json", headers, rows(), "utf-8")
