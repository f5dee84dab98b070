"""Synthetic person lists with known truth, for benchmarking ``inquiry.linkage``.

Each person has a Korean name drawn from realistic surname frequencies (Kim ≈ 21.5 %, Lee ≈ 14.7 %,
Park ≈ 8.4 %, ... from the 2015 ROK census) and a given name of two syllables drawn from a pool of
about 50 per sex with Zipf(0.6) weights, so homonyms such as "Kim Yong Chol" are common: the
commonest full name is about 0.1 % of people. Each person appears in 1 to 5 of
twelve lists; each list writes names in its own style (hangul, hanja, McCune-Reischauer with and
without diacritics, Revised Romanization, DPRK press style, popular spellings, "SURNAME, Given",
given-name first) with typos, gives birth dates at its own precision with errors of ±1-2 years,
writes places in DPRK or ROK hangul, MR, RR or plain Latin, and leaves fields out.

Romanizations come from ko-pron (MIT) and hand-written tables here, not from ``inquiry.names``,
so the benchmark does not grade the names package against its own output.

Usage: python benchmarks/linkage_synth.py N OUT.csv [--seed S]
"""

from __future__ import annotations

import argparse
import csv
import random
import unicodedata
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from ko_pron import romanise

GAZETTEER = Path(__file__).resolve().parents[1] / "src/inquiry/profiles/dprk/gazetteer"

# hangul, hanja, % of population, RR (official), MR, DPRK, popular
SURNAMES = [
    ("김", "金", 21.5, "Gim", "Kim", "Kim", "Kim"), ("이", "李", 14.7, "I", "Yi", "Ri", "Lee"),
    ("박", "朴", 8.4, "Bak", "Pak", "Pak", "Park"), ("최", "崔", 4.7, "Choe", "Ch'oe", "Choe", "Choi"),
    ("정", "鄭", 4.3, "Jeong", "Chŏng", "Jong", "Jung"), ("강", "姜", 2.3, "Gang", "Kang", "Kang", "Kang"),
    ("조", "趙", 2.1, "Jo", "Cho", "Jo", "Cho"), ("윤", "尹", 2.0, "Yun", "Yun", "Yun", "Yoon"),
    ("장", "張", 2.0, "Jang", "Chang", "Jang", "Jang"), ("임", "林", 1.7, "Im", "Im", "Rim", "Lim"),
    ("한", "韓", 1.5, "Han", "Han", "Han", "Han"), ("오", "吳", 1.5, "O", "O", "O", "Oh"),
    ("서", "徐", 1.5, "Seo", "Sŏ", "So", "Suh"), ("신", "申", 1.5, "Sin", "Sin", "Sin", "Shin"),
    ("권", "權", 1.4, "Gwon", "Kwŏn", "Kwon", "Kwon"), ("황", "黃", 1.4, "Hwang", "Hwang", "Hwang", "Hwang"),
    ("안", "安", 1.4, "An", "An", "An", "Ahn"), ("송", "宋", 1.3, "Song", "Song", "Song", "Song"),
    ("유", "劉", 1.1, "Yu", "Yu", "Yu", "Yoo"), ("류", "柳", 0.8, "Ryu", "Ryu", "Ryu", "Ryu"),
    ("전", "全", 1.1, "Jeon", "Chŏn", "Jon", "Jun"), ("홍", "洪", 1.1, "Hong", "Hong", "Hong", "Hong"),
    ("고", "高", 0.9, "Go", "Ko", "Ko", "Koh"), ("문", "文", 0.9, "Mun", "Mun", "Mun", "Moon"),
    ("양", "梁", 0.9, "Yang", "Yang", "Ryang", "Yang"), ("손", "孫", 0.9, "Son", "Son", "Son", "Sohn"),
    ("배", "裵", 0.8, "Bae", "Pae", "Pae", "Bae"), ("백", "白", 0.7, "Baek", "Paek", "Paek", "Baek"),
    ("허", "許", 0.7, "Heo", "Hŏ", "Ho", "Huh"), ("남", "南", 0.6, "Nam", "Nam", "Nam", "Nam"),
    ("심", "沈", 0.5, "Sim", "Sim", "Sim", "Shim"), ("노", "盧", 0.45, "No", "No", "Ro", "Roh"),
    ("하", "河", 0.45, "Ha", "Ha", "Ha", "Ha"), ("곽", "郭", 0.4, "Gwak", "Kwak", "Kwak", "Kwak"),
    ("성", "成", 0.4, "Seong", "Sŏng", "Song", "Sung"), ("차", "車", 0.4, "Cha", "Ch'a", "Cha", "Cha"),
    ("주", "朱", 0.4, "Ju", "Chu", "Ju", "Joo"), ("우", "禹", 0.4, "U", "U", "U", "Woo"),
    ("구", "具", 0.4, "Gu", "Ku", "Ku", "Koo"), ("민", "閔", 0.35, "Min", "Min", "Min", "Min"),
    ("나", "羅", 0.3, "Na", "Na", "Ra", "Na"), ("지", "池", 0.3, "Ji", "Chi", "Ji", "Jee"),
    ("엄", "嚴", 0.3, "Eom", "Ŏm", "Om", "Um"), ("채", "蔡", 0.25, "Chae", "Ch'ae", "Chae", "Chae"),
    ("원", "元", 0.25, "Won", "Wŏn", "Won", "Won"), ("천", "千", 0.2, "Cheon", "Ch'ŏn", "Chon", "Chun"),
    ("방", "方", 0.2, "Bang", "Pang", "Pang", "Bang"), ("공", "孔", 0.2, "Gong", "Kong", "Kong", "Kong"),
    ("현", "玄", 0.2, "Hyeon", "Hyŏn", "Hyon", "Hyun"), ("함", "咸", 0.15, "Ham", "Ham", "Ham", "Ham"),
    ("변", "卞", 0.25, "Byeon", "Pyŏn", "Pyon", "Byun"), ("염", "廉", 0.15, "Yeom", "Yŏm", "Ryom", "Yum"),
    ("추", "秋", 0.12, "Chu", "Ch'u", "Chu", "Choo"), ("도", "都", 0.12, "Do", "To", "To", "Doh"),
    ("석", "石", 0.12, "Seok", "Sŏk", "Sok", "Suk"), ("남궁", "南宮", 0.04, "Namgung", "Namgung", "Namgung", "Namkoong"),
    ("황보", "皇甫", 0.02, "Hwangbo", "Hwangbo", "Hwangbo", "Hwangbo"),
    ("제갈", "諸葛", 0.01, "Jegal", "Chegal", "Jegal", "Jekal"), ("선우", "鮮于", 0.01, "Seonu", "Sŏnu", "Sonu", "Sunwoo"),
]
# given-name syllables: hangul, hanja, popular spelling
MALE = [("영", "英", "young"), ("철", "哲", "chul"), ("성", "成", "sung"), ("호", "浩", "ho"), ("민", "敏", "min"),
        ("준", "俊", "joon"), ("수", "洙", "soo"), ("석", "錫", "suk"), ("진", "鎭", "jin"), ("광", "光", "kwang"),
        ("명", "明", "myung"), ("일", "一", "il"), ("남", "男", "nam"), ("용", "龍", "yong"), ("국", "國", "kook"),
        ("혁", "赫", "hyuk"), ("학", "學", "hak"), ("동", "東", "dong"), ("현", "賢", "hyun"), ("기", "基", "ki"),
        ("종", "鍾", "jong"), ("상", "相", "sang"), ("춘", "春", "choon"), ("길", "吉", "kil"), ("만", "萬", "man"),
        ("복", "福", "bok"), ("근", "根", "keun"), ("식", "植", "sik"), ("환", "煥", "hwan"), ("정", "正", "jung"),
        ("태", "泰", "tae"), ("우", "宇", "woo"), ("재", "在", "jae"), ("훈", "勳", "hoon"), ("규", "圭", "kyu"),
        ("승", "承", "seung"), ("윤", "潤", "yoon"), ("한", "漢", "han"), ("덕", "德", "duk"), ("봉", "鳳", "bong"),
        ("세", "世", "se"), ("창", "昌", "chang"), ("문", "文", "moon"), ("천", "天", "chun"), ("형", "亨", "hyung"),
        ("대", "大", "dae"), ("충", "忠", "choong"), ("송", "松", "song"), ("익", "益", "ik"), ("표", "杓", "pyo")]
FEMALE = [("순", "順", "soon"), ("옥", "玉", "ok"), ("희", "姬", "hee"), ("숙", "淑", "sook"), ("영", "英", "young"),
          ("자", "子", "ja"), ("미", "美", "mi"), ("경", "京", "kyung"), ("선", "善", "sun"), ("실", "實", "sil"),
          ("화", "花", "hwa"), ("금", "今", "keum"), ("란", "蘭", "ran"), ("향", "香", "hyang"), ("정", "貞", "jung"),
          ("애", "愛", "ae"), ("은", "恩", "eun"), ("혜", "惠", "hye"), ("연", "蓮", "yeon"), ("주", "珠", "joo"),
          ("설", "雪", "sul"), ("심", "心", "sim"), ("분", "粉", "boon"), ("명", "明", "myung"), ("수", "秀", "soo"),
          ("지", "智", "ji"), ("현", "賢", "hyun"), ("진", "珍", "jin"), ("아", "娥", "ah"), ("월", "月", "wol"),
          ("매", "梅", "mae"), ("복", "福", "bok"), ("덕", "德", "duk"), ("춘", "春", "choon"), ("하", "夏", "ha"),
          ("소", "素", "so"), ("단", "丹", "dan"), ("인", "仁", "in"), ("봉", "鳳", "bong"), ("신", "信", "shin"),
          ("윤", "允", "yoon"), ("송", "松", "song"), ("해", "海", "hae")]

NAME_STYLES = ("hangul", "hanja", "mr", "mr_plain", "rr", "dprk", "popular", "ofac")


@dataclass(frozen=True)
class ListStyle:
    name_style: str
    alt_style: str  # some entries use a second style (aliases typed by another volunteer)
    given_first: float  # share of names written given name first
    typo: float
    date_style: str  # full, year, about, range, month
    date_missing: float
    place_style: str  # ko_dprk, ko_rok, mr, rr, plain
    place_missing: float
    facility_missing: float
    nationality_missing: float
    relatives: float
    weight: float


LISTS = [
    ListStyle("hangul", "hangul", 0.0, 0.0, "full", 0.1, "ko_rok", 0.15, 0.3, 0.5, 0.4, 1.5),
    ListStyle("hangul", "hanja", 0.0, 0.0, "year", 0.1, "ko_dprk", 0.2, 0.4, 0.6, 0.2, 1.0),
    ListStyle("hanja", "hangul", 0.0, 0.0, "year", 0.2, "ko_rok", 0.3, 0.5, 0.7, 0.1, 0.5),
    ListStyle("mr", "mr_plain", 0.1, 0.03, "full", 0.1, "mr", 0.2, 0.3, 0.3, 0.3, 1.0),
    ListStyle("mr_plain", "dprk", 0.2, 0.05, "about", 0.15, "plain", 0.2, 0.4, 0.4, 0.1, 1.0),
    ListStyle("rr", "popular", 0.1, 0.04, "year", 0.1, "rr", 0.2, 0.4, 0.5, 0.2, 1.2),
    ListStyle("dprk", "dprk", 0.0, 0.03, "full", 0.05, "plain", 0.15, 0.5, 0.2, 0.0, 1.0),
    ListStyle("ofac", "dprk", 0.0, 0.02, "range", 0.1, "mr", 0.2, 0.6, 0.1, 0.0, 0.6),
    ListStyle("popular", "rr", 0.3, 0.06, "year", 0.15, "rr", 0.3, 0.5, 0.6, 0.3, 1.2),
    ListStyle("popular", "popular", 0.5, 0.08, "month", 0.2, "plain", 0.35, 0.5, 0.7, 0.1, 0.8),
    ListStyle("hangul", "rr", 0.0, 0.01, "year", 0.1, "ko_dprk", 0.2, 0.3, 0.5, 0.3, 1.0),
    ListStyle("mr", "hangul", 0.0, 0.03, "about", 0.2, "mr", 0.25, 0.4, 0.5, 0.2, 0.7),
]
APPEARANCES = (1, 2, 3, 4, 5)
APPEARANCE_WEIGHTS = (0.35, 0.30, 0.18, 0.11, 0.06)
NATIONALITY = {"KP": ("DPRK", "North Korea", "조선", "KP", "북한"), "KR": ("ROK", "South Korea", "한국", "KR"),
               "JP": ("Japan", "日本", "JP", "일본")}


def _strip(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).replace("'", "")


@cache
def _syllable(syllable: str, system: str) -> str:
    return romanise(syllable, system)


def _zipf(n: int, s: float = 1.0) -> list[float]:
    return [1.0 / (k + 1) ** s for k in range(n)]


def _given_parts(given: tuple[tuple[str, str, str], ...], style: str) -> list[str]:
    if style in ("mr", "mr_plain"):
        parts = [_syllable(h, "mr") for h, _, _ in given]
        return [_strip(p) for p in parts] if style == "mr_plain" else parts
    if style == "rr":
        return [_syllable(h, "rr") for h, _, _ in given]
    if style in ("dprk", "ofac"):
        return [_strip(_syllable(h, "mr")) for h, _, _ in given]
    return [pop for _, _, pop in given]


def write_name(rng: random.Random, surname: tuple, given: tuple, style: str, given_first: float, typo: float) -> str:
    hangul_s, hanja_s, _, rr_s, mr_s, dprk_s, pop_s = surname
    if style == "hangul":
        return hangul_s + "".join(h for h, _, _ in given)
    if style == "hanja":
        return hanja_s + "".join(c for _, c, _ in given)
    parts = _given_parts(given, style)
    if style == "dprk":
        sur, giv = dprk_s.upper() if rng.random() < 0.5 else dprk_s, " ".join(p.capitalize() for p in parts)
    elif style == "ofac":
        return _typo(rng, f"{dprk_s.upper()}, {' '.join(p.capitalize() for p in parts)}", typo)
    elif style == "rr":
        sur = rr_s if rng.random() < 0.5 else pop_s
        giv = ("-" if rng.random() < 0.5 else "").join(parts).capitalize()
    elif style in ("mr", "mr_plain"):
        sur = mr_s if style == "mr" else _strip(mr_s)
        giv = "-".join(parts).capitalize()
    else:
        sur = pop_s
        giv = rng.choice((" ".join(p.capitalize() for p in parts), "-".join(parts).capitalize(), "".join(parts).capitalize()))
    text = f"{giv} {sur}" if rng.random() < given_first else f"{sur} {giv}"
    return _typo(rng, text, typo)


def _typo(rng: random.Random, text: str, rate: float) -> str:
    if rng.random() >= rate or len(text) < 4:
        return text
    i = rng.randrange(1, len(text) - 1)
    kind = rng.random()
    if kind < 0.4:
        return text[:i] + text[i + 1:]
    if kind < 0.7:
        return text[:i] + text[i + 1] + text[i] + text[i + 2:]
    return text[:i] + rng.choice("aeiouy") + text[i + 1:]


def _places() -> list[dict[str, str]]:
    with (GAZETTEER / "adm2.csv").open(encoding="utf-8") as handle:
        rows = [r for r in csv.DictReader(handle) if r["name_ko_dprk"] and r["name_mr"] and r["name_rr"]]
    return rows


def _facilities() -> list[dict[str, str]]:
    with (GAZETTEER / "facilities.csv").open(encoding="utf-8") as handle:
        return [r for r in csv.DictReader(handle) if r["number"]]


def write_place(rng: random.Random, place: dict[str, str], style: str) -> str:
    if style == "ko_dprk":
        return place["name_ko_dprk"]
    if style == "ko_rok":
        return place["name_ko_rok"] or place["name_ko_dprk"]
    if style == "mr":
        return place["name_mr"]
    if style == "rr":
        return place["name_rr"]
    plain = _strip(place["name_mr"])
    return plain.split("-")[0] if rng.random() < 0.5 else plain


def write_facility(rng: random.Random, facility: dict[str, str]) -> str:
    number = facility["number"]
    town = facility["name_en"].split(",")[-1].split("(")[0].strip()
    return rng.choice((f"Camp {number}", f"Kwanliso No. {number}", facility["name_ko"] or f"Camp {number}",
                       f"{town} camp {number}", f"제{number}호 관리소"))


def write_date(rng: random.Random, year: int, month: int, day: int, style: str) -> str:
    shift = rng.choices((0, -1, 1, -2, 2), weights=(0.7, 0.1, 0.1, 0.05, 0.05))[0]
    y = year + shift
    if style == "full":
        return f"{y:04d}-{month:02d}-{day:02d}"
    if style == "month":
        return f"{y:04d}-{month:02d}"
    if style == "about":
        return f"about {y}"
    if style == "range":
        return f"{y - 1}/{y + 1}"
    return str(y)


def _given(rng: random.Random, pool: list, weights: list[float]) -> tuple:
    first = rng.choices(pool, weights=weights)[0]
    if rng.random() < 0.07:  # one-syllable given names
        return (first,)
    second = first
    while second[0] == first[0]:
        second = rng.choices(pool, weights=weights)[0]
    return (first, second)


def generate(n_records: int, *, seed: int = 0) -> list[dict[str, str]]:
    rng = random.Random(seed)
    surname_weights = [s[2] for s in SURNAMES]
    # Zipf 0.6 over ~50 syllables: the commonest full name (김영철 here) is ~0.1 % of
    # people, against a few hundredths of a percent for the commonest names in Korea.
    male_w, female_w = _zipf(len(MALE), 0.6), _zipf(len(FEMALE), 0.6)
    places, facilities = _places(), _facilities()
    place_w = _zipf(len(places), 0.6)
    list_w = [s.weight for s in LISTS]
    rows: list[dict[str, str]] = []
    person = 0
    while len(rows) < n_records:
        person += 1
        sex = "m" if rng.random() < 0.6 else "f"
        pool, weights = (MALE, male_w) if sex == "m" else (FEMALE, female_w)
        surname = rng.choices(SURNAMES, weights=surname_weights)[0]
        given = _given(rng, pool, weights)
        year, month, day = rng.randint(1930, 2000), rng.randint(1, 12), rng.randint(1, 28)
        birth = rng.choices(places, weights=place_w)[0]
        same_province = [p for p in places if p["parent_code"] == birth["parent_code"]]
        seen = birth if rng.random() < 0.4 else rng.choice(same_province if rng.random() < 0.6 else places)
        facility = rng.choice(facilities) if rng.random() < 0.4 else None
        nationality = rng.choices(("KP", "KR", "JP"), weights=(0.92, 0.05, 0.03))[0]
        relatives = []
        if rng.random() < 0.3:
            for _ in range(rng.randint(1, 2)):
                rel_sex_pool, rel_w = (MALE, male_w) if rng.random() < 0.5 else (FEMALE, female_w)
                rel_surname = surname if rng.random() < 0.6 else rng.choices(SURNAMES, weights=surname_weights)[0]
                relatives.append((rel_surname, _given(rng, rel_sex_pool, rel_w)))
        k = rng.choices(APPEARANCES, weights=APPEARANCE_WEIGHTS)[0]
        chosen: set[int] = set()
        while len(chosen) < k:
            chosen.add(rng.choices(range(len(LISTS)), weights=list_w)[0])
        lists = sorted(chosen)
        if rng.random() < 0.005:  # a list occasionally names the same person twice
            lists.append(lists[0])
        for index in lists:
            style = LISTS[index]
            # Clerical noise: a neighbouring county for the place, a wrong sex now and then.
            birth_here = birth if rng.random() >= 0.05 else rng.choice(same_province)
            sex_here = sex if rng.random() >= 0.01 else ("f" if sex == "m" else "m")
            name_style = style.name_style if rng.random() < 0.8 else style.alt_style
            row = {
                "record_id": "",
                "name": write_name(rng, surname, given, name_style, style.given_first, style.typo),
                "birth_date": "" if rng.random() < style.date_missing else write_date(rng, year, month, day,
                                                                                       style.date_style),
                "sex": "" if rng.random() < 0.1 else (sex_here if rng.random() < 0.5 else sex_here.upper()),
                "birth_place": "" if rng.random() < style.place_missing else write_place(rng, birth_here, style.place_style),
                "last_seen_place": "" if rng.random() < style.place_missing + 0.1
                else write_place(rng, seen, style.place_style),
                "facility": "" if facility is None or rng.random() < style.facility_missing
                else write_facility(rng, facility),
                "nationality": "" if rng.random() < style.nationality_missing
                else rng.choice(NATIONALITY[nationality]),
                "relatives": ";".join(write_name(rng, s, g, name_style, 0.0, style.typo) for s, g in relatives)
                if relatives and rng.random() < style.relatives else "",
                "source": f"L{index + 1:02d}",
                "person_id": f"P{person:07d}",
            }
            rows.append(row)
    rows = rows[:n_records]
    rng.shuffle(rows)
    for i, row in enumerate(rows, start=1):
        row["record_id"] = f"R{i:07d}"
    return rows


FIELDS = ["record_id", "name", "birth_date", "sex", "birth_place", "last_seen_place", "facility", "nationality",
          "relatives", "source", "person_id"]


def write_csv(rows: list[dict[str, str]], path: Path) -> None:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=FIELDS)
        writer.writeheader()
        writer.writerows(rows)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("n", type=int)
    parser.add_argument("out", type=Path)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    write_csv(generate(args.n, seed=args.seed), args.out)


if __name__ == "__main__":
    main()
