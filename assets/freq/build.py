"""Writes zh.txt: general-text word frequencies for Chinese, from wordfreq's `large_zh` list.

Run: pip install wordfreq msgpack; python3 build.py > zh.txt

wordfreq (https://github.com/rspeer/wordfreq, version 3.1.1) stores each word's frequency in
centibels, cB = 100 * log10(frequency per word token). Each line of zh.txt is one such value,
negated, followed by the words that have it, separated by spaces; only words made of Chinese
characters and no rarer than MAX_CB are kept, which covers every word a phrase is likely to be
made of. A word absent from the file is rarer than 10^(-MAX_CB / 100).
"""

import gzip
import os
import sys

import msgpack
import wordfreq

MAX_CB = 680


def han(word):
    return all("\u4e00" <= c <= "\u9fff" or "\u3400" <= c <= "\u4dbf" for c in word)


def main():
    path = os.path.join(os.path.dirname(wordfreq.__file__), "data", "large_zh.msgpack.gz")
    with gzip.open(path, "rb") as f:
        packed = msgpack.unpackb(f.read(), raw=False)
    header, buckets = packed[0], packed[1:]
    assert header == {"format": "cB", "version": 1}, header
    out = sys.stdout
    out.write(f"# wordfreq 3.1.1 large_zh, CC BY-SA 4.0; -cB then words; max {MAX_CB}\n")
    for cb, words in enumerate(buckets):
        if cb > MAX_CB:
            break
        kept = sorted(w for w in words if han(w))
        if kept:
            out.write(f"{cb} {' '.join(kept)}\n")


if __name__ == "__main__":
    main()
