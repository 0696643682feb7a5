#!/usr/bin/env python3
"""Draws one view of an ArchiMate exchange document (as cora writes it) with Graphviz, for the README.

    scripts/exchange-view-picture.py MODEL.xml VIEW-NAME-OR-IDENTIFIER OUT.png

Every node is a box at its own bounds (neato -n2 keeps positions as given), nested nodes over
their parents, connections as straight lines; the fill colours are the view's. This is a picture
of what Archi will show, not Archi itself: Archi draws ArchiMate's icons in the corners.
"""
import subprocess
import sys
import xml.etree.ElementTree as ET

NS = {"a": "http://www.opengroup.org/xsd/archimate/3.0/"}
XSI = "{http://www.w3.org/2001/XMLSchema-instance}type"


def text(node, tag):
    child = node.find("a:" + tag, NS)
    return (child.text or "") if child is not None else ""


def main():
    source, wanted, out = sys.argv[1:4]
    root = ET.parse(source).getroot()
    names = {e.get("identifier"): text(e, "name") for e in root.iterfind("a:elements/a:element", NS)}
    view = next((v for v in root.iterfind("a:views/a:diagrams/a:view", NS)
                 if v.get("identifier") == wanted or text(v, "name") == wanted), None)
    if view is None:
        sys.exit(f"no view {wanted!r} in {source}")
    boxes = []

    def walk(node):
        for child in node.findall("a:node", NS):
            x, y, w, h = (int(child.get(k)) for k in ("x", "y", "w", "h"))
            label = names.get(child.get("elementRef"), "") or text(child, "label")
            fill = child.find("a:style/a:fillColor", NS)
            colour = "#%02x%02x%02x" % tuple(int(fill.get(k)) for k in "rgb") if fill is not None else "#ffffff"
            boxes.append((child.get("identifier"), x, y, w, h, label, colour, child.find("a:node", NS) is not None))
            walk(child)

    walk(view)
    height = max(y + h for _, _, y, _, h, _, _, _ in boxes) + 10
    lines = ["digraph view {", "  graph [splines=line, outputorder=nodesfirst, pad=0.2]",
             "  node [shape=box, fixedsize=true, fontname=Helvetica, fontsize=9, style=filled, penwidth=0.8]"]
    for identifier, x, y, w, h, label, colour, nested in boxes:
        escaped = label.replace("\\", "\\\\").replace('"', '\\"')
        lines.append(f'  "{identifier}" [pos="{x + w / 2},{height - (y + h / 2)}!", width={w / 72:.3f}, height={h / 72:.3f}, '
                     f'label="{escaped}", fillcolor="{colour}"{", labelloc=t" if nested else ""}]')
    for connection in view.findall("a:connection", NS):
        lines.append(f'  "{connection.get("source")}" -> "{connection.get("target")}" [arrowsize=0.6]')
    lines.append("}")
    subprocess.run(["neato", "-n2", "-Tpng", "-Gdpi=110", "-o", out], input="\n".join(lines).encode(), check=True)


if __name__ == "__main__":
    main()
