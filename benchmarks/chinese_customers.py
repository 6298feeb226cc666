"""Chinese customers who are on no list, and Japanese people in kanji who must
still match their romaji: what reading a name in Chinese characters the
Japanese way costs and gains.

Usage::

    python benchmarks/chinese_customers.py                    # Japanese positives
    python benchmarks/chinese_customers.py --home DIR         # and the customers screened
    python benchmarks/chinese_customers.py --write            # (re)write the customers

A name in Chinese characters is also read as Japanese would read it, so that
鈴木 meets *Suzuki*; the same readings can spell a Chinese customer's name as
one Latin word of someone else (黄岩 *ko-gan* ~ *Kogan*). Both sides are
measured on sets written before any score, split by the SHA-256 of the name
(even first byte: ``dev``; the ``holdout`` half is only counted):

**Customers** (``tests/fixtures/match/chinese_customers_negatives.csv``,
written once by ``--write`` with :data:`SEED`): made-up Chinese people as a
bank's customer file holds them, a common family name (:data:`SURNAMES`) and
a common given name of one or two characters (:data:`GIVEN`), in simplified
or traditional characters (ICU's ``Hans-Hant``), written solid (陈美玲), the
family name first and apart (陈 美玲) or last, as first and last name columns
join (美玲 陈), with a nationality of Greater China or the diaspora or none,
a gender or none and a date of birth or none. None is a listed person's name
in characters: each row that alerts (``--home``: screened as ``thaw
screen-file`` reads the row, against the store's listings) is a false alert.
The share is printed per split and per way of writing, with the ``dev``
alerts.

**Japanese positives** (``tests/fixtures/match/japanese_kanji_positives.csv``,
hand-written: politicians, business people, artists, scientists and
athletes of Japan, none of them in ``cross_script_pairs_jp.csv``): each name in
kanji as a ``Person`` query against a one-name listing of its romaji, as the
cross-script pair set scores its pairs; how many reach the default threshold
per split, with the ``dev`` misses.
"""

from __future__ import annotations

import argparse
import collections
import csv
import hashlib
import os
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from chinese_spellings import count_by_split, read  # noqa: E402

FIXTURES = Path(__file__).resolve().parents[1] / "tests" / "fixtures" / "match"
CUSTOMERS = FIXTURES / "chinese_customers_negatives.csv"
JAPANESE = FIXTURES / "japanese_kanji_positives.csv"
#: The seed of the customers' draw.
SEED = 20261206
#: How many customers ``--write`` draws.
COUNT = 800
#: Family names, in simplified characters: the commonest of China, and some
#: that Taiwan, Hong Kong and the diaspora have more of, two of two characters.
SURNAMES = (
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高郑梁谢宋唐许韩冯邓曹彭曾肖田董潘袁蔡蒋余于杜叶程"
    "魏苏吕丁任卢姚沈钟姜崔谭陆范汪廖石金贾韦夏傅方邹熊白孟秦邱侯江尹薛段雷龙黎史陶贺毛郝顾"
    "龚邵万武钱戴严莫孔向常汤康易乔赖文洪翁简游詹柯甘戚麦岑鞠"
)
COMPOUND_SURNAMES = ("欧阳", "司马", "诸葛", "上官")
#: Given names, in simplified characters: of one character and of two, the
#: commonest of the mainland's registers and names usual in Taiwan, Hong Kong
#: and Singapore.
GIVEN = (
    "伟 芳 娜 敏 静 丽 强 磊 军 洋 勇 艳 杰 娟 涛 明 超 霞 平 刚 辉 鹏 华 飞 鑫 波 斌 宇 浩 凯 "
    "健 俊 帆 旭 宁 龙 林 欢 阳 建 亮 成 佳 雪 琳 晶 颖 莉 燕 红 玲 梅 丹 萍 倩 婷 慧 琴 云 峰 岩 "
    "秀英 秀兰 桂英 玉兰 建华 建国 建军 志强 国强 海燕 晓东 晓明 丽娟 美玲 家豪 俊杰 嘉欣 志明 "
    "淑芬 雅婷 怡君 冠宇 承恩 子轩 浩然 梓涵 一诺 欣怡 子涵 宇轩 雨桐 思远 文博 博文 天佑 子豪 "
    "宏伟 伟华 振华 国华 德明 永红 春梅 红梅 淑珍 丽华 文华 海峰 晓红 小红 小明 文静 思琪 诗涵 "
    "梦琪 佳怡 嘉怡 家明 志伟 国栋 立新 卫东 向东 爱国 建平 金凤 玉珍 秀珍 美华 淑贞 惠敏 慧玲 "
    "宝珠 锦涛 润发 德华 学友 子宸 一鸣 俊熙 皓轩 宇航 明轩 梓萱 紫涵 若曦 欣妍 雅琪 晨曦 昊天 "
    "泽宇 浩宇 嘉慧 咏诗 家乐 伟明 国荣 丽珊 美仪 翠玲 秀莲 志豪 淑惠 宗翰 美云 家玮 丽珠 文彬"
).split()
#: Nationalities as the files write them (none as often as one).
NATIONALITIES = (
    "CN", "China", "TW", "Taiwan", "HK", "Hong Kong", "MO", "Macau", "SG",
    "Singapore", "MY", "Malaysia", "US", "CA", "AU", "GB",
)  # fmt: skip
#: The ways a name is written: solid, family name first apart, given name
#: first apart (first and last name columns joined).
FORMS = ("solid", "family first", "given first")


def split_of(key: str) -> str:
    """``dev`` or ``holdout`` by the first byte of ``key``'s SHA-256."""
    return "dev" if hashlib.sha256(key.encode()).digest()[0] % 2 == 0 else "holdout"


def customers(count: int = COUNT, seed: int = SEED) -> list[dict[str, str]]:
    """``count`` made-up customers (see the module docs)."""
    import icu

    traditional = icu.Transliterator.createInstance("Hans-Hant")
    rng = random.Random(seed)
    surnames = [*SURNAMES, *COMPOUND_SURNAMES]
    out: list[dict[str, str]] = []
    seen: set[str] = set()
    while len(out) < count:
        family, given = rng.choice(surnames), rng.choice(GIVEN)
        written = rng.choice(("simplified", "simplified", "traditional"))
        if written == "traditional":
            family = str(traditional.transliterate(family))
            given = str(traditional.transliterate(given))
        form = rng.choice(FORMS)
        name = {
            "solid": family + given,
            "family first": f"{family} {given}",
            "given first": f"{given} {family}",
        }[form]
        if name in seen:
            continue
        seen.add(name)
        born = ""
        if rng.random() < 0.7:
            year = rng.randint(1940, 2005)
            born = f"{year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
            if rng.random() < 0.1:
                born = str(year)
        nationality = rng.choice(NATIONALITIES) if rng.random() < 0.6 else ""
        gender = rng.choice(("male", "female")) if rng.random() < 0.5 else ""
        out.append(
            {
                "full_name": name,
                "birth_date": born,
                "nationality": nationality,
                "gender": gender,
                "form": form,
                "written": written,
                "split": split_of(name),
            }
        )
    return out


def write() -> None:
    rows = customers()
    with CUSTOMERS.open("w", newline="", encoding="utf-8") as fh:
        writer = csv.DictWriter(fh, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    print(f"wrote {len(rows)} customers to {CUSTOMERS}")


def japanese() -> None:
    """The Japanese positives, per split (see the module docs)."""
    misses = count_by_split(read(JAPANESE), "Japanese positives")
    if misses:
        print("dev misses:\n" + "\n".join(misses))


def screen(home: Path, show: bool) -> None:
    """The customers screened against the store at ``home`` as ``thaw
    screen-file`` reads their rows (see the module docs)."""
    from thaw.screen import Screener
    from thaw.screen.batch import check_fields

    screener = Screener(home)
    rows = read(CUSTOMERS)
    cpu = time.process_time()
    alerting: dict[tuple[str, str], list[int]] = collections.defaultdict(lambda: [0, 0])
    shown: list[str] = []
    for row in rows:
        fields = {k: v for k, v in row.items() if v and k not in ("form", "written", "split")}
        query, _id, _problems = check_fields(fields)
        if query is None:
            raise SystemExit(f"row refused by screen-file: {row}")
        hits = screener.screen_query(query).hits
        for key in ("all", f"form: {row['form']}", f"written: {row['written']}",
                    f"nationality: {'yes' if row['nationality'] else 'no'}"):  # fmt: skip
            alerting[(row["split"], key)][0] += bool(hits)
            alerting[(row["split"], key)][1] += 1
        if hits and row["split"] == "dev":
            facts = f"{row['nationality'] or '-'} {row['birth_date'] or '-'}"
            shown += [f"  {h.score:.2f} {row['full_name']} ({facts}) ~ {h.name}" for h in hits]
    spent = time.process_time() - cpu
    for part in ("dev", "holdout"):
        for (split, key), (hit, total) in sorted(alerting.items()):
            if split == part:
                share = f"{hit:>3}/{total} alert ({100 * hit / total:.2f} %)"
                print(f"customers {part:8} {key:26} {share}")
    print(f"{1e3 * spent / len(rows):.2f} ms CPU a customer")
    if show and shown:
        print("dev alerts:\n" + "\n".join(shown))


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--write", action="store_true", help="rewrite the customers")
    parser.add_argument("--home", type=Path, help="screen the customers against this store")
    parser.add_argument("--quiet", action="store_true", help="no list of dev alerts")
    args = parser.parse_args(argv)
    if args.write:
        write()
        return 0
    print(f"load average {' '.join(f'{x:.1f}' for x in os.getloadavg())}")
    cpu = time.process_time()
    japanese()
    if args.home:
        screen(args.home, not args.quiet)
    print(f"{time.process_time() - cpu:.1f} CPU s")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
