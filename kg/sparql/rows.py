"""SPARQL 1.1 JSON results, and how results from different engines are made comparable.

Examples
--------
>>> normalise({"boolean": 1})
{'head': {}, 'boolean': True}
"""

from __future__ import annotations

from typing import Any

Results = dict[str, Any]
"""SPARQL 1.1 JSON query results."""


def normalise(results: Results, *, cells: bool = True) -> Results:
    """Make JSON results from different engines comparable.

    Drops an explicit ``xsd:string`` datatype (SPARQL 1.1 simple literals),
    turns the pre-1.1 ``typed-literal`` type into ``literal``, and removes empty
    ``head`` members. With ``cells=False`` the bindings are known to need
    neither change and are kept as they are (not copied).

    Examples
    --------
    >>> b = {"v": {"type": "typed-literal", "value": "1", "datatype": "x"}}
    >>> normalise({"head": {"vars": ["v"]}, "results": {"bindings": [b]}})["results"]
    {'bindings': [{'v': {'type': 'literal', 'value': '1', 'datatype': 'x'}}]}
    """
    if "boolean" in results:
        return {"head": {}, "boolean": bool(results["boolean"])}
    bindings = results.get("results", {}).get("bindings", [])
    if not cells:
        return {
            "head": {"vars": list(results["head"].get("vars", []))},
            "results": {"bindings": bindings},
        }
    rows = []
    for row in bindings:
        clean = {}
        for var, value in row.items():
            cell = dict(value)
            if cell.get("type") == "typed-literal":
                cell["type"] = "literal"
            if cell.get("datatype") == "http://www.w3.org/2001/XMLSchema#string":
                del cell["datatype"]
            clean[var] = cell
        rows.append(clean)
    return {"head": {"vars": list(results["head"].get("vars", []))}, "results": {"bindings": rows}}


__all__ = ["Results", "normalise"]
