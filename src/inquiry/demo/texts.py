"""Fictional names and template sentences for the demo dataset, in Korean, Japanese and English.

Nothing here describes a real person or a real testimony. Names are assembled from common
syllables and surnames. The Japanese surnames leave out those of the 17 abductees the
Government of Japan recognises, and the Korean given-name syllables leave out those of
well-known public witnesses, so no demo record reads like a real case.
"""

from __future__ import annotations

import random

PREFIX = {"ko": "[데모]", "ja": "[デモ]", "en": "[DEMO]"}
DISCLAIMER = {
    "ko": "[데모] 시연용 가상 자료입니다. 실제 인물이나 실제 증언이 아닙니다.",
    "ja": "[デモ] デモ用の架空のデータです。実在の人物や実際の証言ではありません。",
    "en": "[DEMO] Fictional demonstration data. Not a real person and not a real testimony.",
}
PERSON_NOTE = "[DEMO] Fictional person for demonstration. [데모] 가상 인물. [デモ] 架空の人物。"

# (hangul, hanja, Revised Romanization, McCune–Reischauer, common spelling)
SURNAMES = [
    ("김", "金", "Gim", "Kim", "Kim"), ("이", "李", "I", "Yi", "Lee"), ("박", "朴", "Bak", "Pak", "Park"),
    ("최", "崔", "Choe", "Ch'oe", "Choi"), ("정", "鄭", "Jeong", "Chŏng", "Jung"), ("강", "姜", "Gang", "Kang", "Kang"),
    ("조", "趙", "Jo", "Cho", "Cho"), ("윤", "尹", "Yun", "Yun", "Yoon"), ("한", "韓", "Han", "Han", "Han"),
    ("오", "吳", "O", "O", "Oh"), ("장", "張", "Jang", "Chang", "Jang"),
]
# Given-name syllables whose romanization does not change with position.
GIVEN = [
    ("영", "英", "yeong", "yŏng"), ("철", "哲", "cheol", "ch'ŏl"), ("순", "順", "sun", "sun"), ("희", "姬", "hui", "hŭi"),
    ("민", "敏", "min", "min"), ("수", "秀", "su", "su"), ("호", "浩", "ho", "ho"), ("성", "成", "seong", "sŏng"),
    ("혜", "惠", "hye", "hye"), ("옥", "玉", "ok", "ok"), ("남", "男", "nam", "nam"), ("명", "明", "myeong", "myŏng"),
    ("숙", "淑", "suk", "suk"), ("미", "美", "mi", "mi"), ("화", "花", "hwa", "hwa"), ("림", "林", "rim", "rim"),
]
# Witness identities use syllables that no case-table name uses, so a leak would be detectable.
WITNESS_GIVEN = ["현", "은", "지", "아", "연", "우", "하", "서", "유", "나"]

# (kanji, kana, romaji)
JA_SURNAMES = [("佐藤", "さとう", "Satō"), ("鈴木", "すずき", "Suzuki"), ("高橋", "たかはし", "Takahashi"),
               ("山本", "やまもと", "Yamamoto"), ("中島", "なかじま", "Nakajima"), ("小林", "こばやし", "Kobayashi"),
               ("吉田", "よしだ", "Yoshida"), ("森", "もり", "Mori")]
JA_GIVEN = [("花子", "はなこ", "Hanako", "female"), ("恵子", "けいこ", "Keiko", "female"),
            ("和夫", "かずお", "Kazuo", "male"), ("正一", "しょういち", "Shōichi", "male"),
            ("幸子", "さちこ", "Sachiko", "female"), ("直樹", "なおき", "Naoki", "male"),
            ("由美", "ゆみ", "Yumi", "female"), ("健二", "けんじ", "Kenji", "male")]
JA_COASTS = [("新潟県の海岸", "the Niigata coast"), ("石川県の海岸", "the Ishikawa coast"),
             ("鳥取県の海岸", "the Tottori coast"), ("福井県の港", "a harbour in Fukui")]

ACT_SENTENCE = {
    "ko": "증인은 {date}에 {place}에서 {victim} 씨가 {act} 피해를 입었다고 진술했다(가상).",
    "ja": "証言者は、{date}に{place}で{victim}さんが{act}の被害を受けたと述べた(架空)。",
    "en": "The fictional witness stated that {victim} suffered {act} at {place} (date: {date}).",
}
HEARSAY_SENTENCE = {
    "ko": "증인은 {informant}에게서 {victim} 씨가 {place}에서 {act} 피해를 입었다고 들었다고 했다(가상).",
    "ja": "証言者は、{victim}さんが{place}で{act}の被害を受けたと{informant}から聞いたと述べた(架空)。",
    "en": "The fictional witness heard from {informant} that {victim} suffered {act} at {place}.",
}
DOCUMENT_SENTENCE = {
    "ko": "가상 문서에 따르면 {date}에 {place}에서 {victim} 씨에 대한 {act} 사실이 기록되어 있다.",
    "ja": "架空の文書には、{date}に{place}で{victim}さんに対する{act}が記録されている。",
    "en": "The fictional document records {act} against {victim} at {place} (date: {date}).",
}
TITLES = {
    "interview": {"ko": "가상 면담 기록: {place}, {act}", "ja": "架空の聞き取り記録:{place}、{act}",
                  "en": "Fictional interview record: {act} at {place}"},
    "public_hearing": {"ko": "가상 공개 청문회 증언: {act}", "ja": "架空の公聴会証言:{act}",
                       "en": "Fictional public hearing testimony: {act}"},
    "document": {"ko": "가상 문서: {place} 관련 기록", "ja": "架空の文書:{place}に関する記録",
                 "en": "Fictional document concerning {place}"},
    "open_source": {"ko": "가상 공개 자료: {place}", "ja": "架空の公開情報:{place}",
                    "en": "Fictional open-source item about {place}"},
    "partner_submission": {"ko": "가상 협력단체 제출 자료 ({partner})", "ja": "架空の協力団体提出資料({partner})",
                           "en": "Fictional partner submission ({partner})"},
}
EVENT_TITLE = {
    "arrest": "Fictional arrest and interrogation at {place}",
    "camp": "Fictional imprisonment in {place}",
    "execution": "Fictional public execution at {place}",
    "repatriation": "Fictional forced return and detention at {place}",
    "abduction": "Fictional abduction from {place}",
    "disappearance": "Fictional disappearance after detention at {place}",
}
HEARING_SESSIONS = ["[DEMO] Fictional public hearing, day {day}, morning session",
                    "[DEMO] Fictional public hearing, day {day}, afternoon session"]
PARTNERS = [
    ("demo-partner-alpha", "[DEMO] Fictional Partner Alpha (가상 협력단체 알파)", "Alpha"),
    ("demo-partner-beta", "[DEMO] Fictional Partner Beta (架空の協力団体ベータ)", "Beta"),
]
ORGANISATIONS = [
    ("DEMO-ORG-1", "[DEMO] Fictional security unit 1", "[데모] 가상 보안 부대 1"),
    ("DEMO-ORG-2", "[DEMO] Fictional police unit 2", "[데모] 가상 경찰 부대 2"),
    ("DEMO-ORG-3", "[DEMO] Fictional camp administration 3", "[데모] 가상 수용소 관리부 3"),
]
INFORMANTS = {"ko": "같은 감방에 있던 사람", "ja": "同じ房にいた人", "en": "a cellmate"}


def korean_name(rng: random.Random) -> dict:
    """A fictional Korean name with its hanja and romanized forms."""
    hangul, hanja, rr, mr, common = rng.choice(SURNAMES)
    g1, g2 = rng.sample(GIVEN, 2)
    given_ko = g1[0] + g2[0]
    return {
        "hangul": hangul + given_ko,
        "hanja": hanja + g1[1] + g2[1],
        "rr": f"{rr} {(g1[2] + g2[2]).capitalize()}",
        "mr": f"{mr} {g1[3].capitalize()}-{g2[3]}",
        "common": f"{common} {g1[3].replace('ŏ', 'o').replace('ŭ', 'u').replace(chr(39), '').capitalize()}-"
                  f"{g2[3].replace('ŏ', 'o').replace('ŭ', 'u').replace(chr(39), '')}",
        "dprk": ("리" + given_ko) if hangul == "이" else "",
    }


def japanese_name(rng: random.Random) -> dict:
    kanji_s, kana_s, romaji_s = rng.choice(JA_SURNAMES)
    kanji_g, kana_g, romaji_g, sex = rng.choice(JA_GIVEN)
    return {"kanji": f"{kanji_s} {kanji_g}", "kana": f"{kana_s} {kana_g}",
            "romaji": f"{romaji_s} {romaji_g}", "romaji_western": f"{romaji_g} {romaji_s}", "sex": sex}


def witness_identity(rng: random.Random, number: int) -> dict:
    """A fictional identity for the vault. Its name syllables never occur in the case tables."""
    surname = rng.choice(SURNAMES)[0]
    name = surname + "".join(rng.sample(WITNESS_GIVEN, 2))
    relative = rng.choice(SURNAMES)[0] + "".join(rng.sample(WITNESS_GIVEN, 2))
    return {
        "real_name": name,
        "date_of_birth": f"19{rng.randint(50, 89)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
        "place_of_origin": "",
        "other_names": [f"Demo Witness {number:03d}"],
        "contacts": [f"demo-witness-{number:03d}@example.invalid"],
        "notes": "[DEMO] Fictional identity for demonstration; not a real person.",
        "relatives_inside": [{"name": relative, "relation": rng.choice(["mother", "brother", "daughter"]),
                              "place": ""}],
    }


_SEASONS = {"21": ("봄", "春", "spring"), "22": ("여름", "夏", "summer"), "23": ("가을", "秋", "autumn"),
            "24": ("겨울", "冬", "winter")}
_LANG = {"ko": 0, "ja": 1, "en": 2}
_MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December"]


def human_date(edtf: str, lang: str) -> str:
    """How a person would say an EDTF date in prose: 1997-21 is "1997년 봄" / "1997年春" / "spring 1997"."""
    i = _LANG[lang]
    if edtf.startswith("../"):
        year = edtf[3:]
        return (f"{year}년 이전", f"{year}年以前", f"before {year}")[i]
    if "/" in edtf:
        a, b = edtf.split("/", 1)
        return (f"{a}~{b}년", f"{a}~{b}年", f"between {a} and {b}")[i]
    if edtf.endswith("X"):
        decade = edtf[:3] + "0"
        return (f"{decade}년대", f"{decade}年代", f"the {decade}s")[i]
    if edtf.endswith("~"):
        year = edtf[:-1]
        return (f"{year}년경", f"{year}年頃", f"about {year}")[i]
    if edtf.endswith("?"):
        year = edtf[:-1]
        return (f"{year}년(불확실)", f"{year}年(不確か)", f"possibly {year}")[i]
    parts = edtf.split("-")
    if len(parts) == 2 and parts[1] in _SEASONS:
        season = _SEASONS[parts[1]][i]
        return (f"{parts[0]}년 {season}", f"{parts[0]}年{season}", f"{season} {parts[0]}")[i]
    if len(parts) == 2:
        month = int(parts[1])
        return (f"{parts[0]}년 {month}월", f"{parts[0]}年{month}月", f"{_MONTHS[month - 1]} {parts[0]}")[i]
    if len(parts) == 3:
        y, m, d = parts[0], int(parts[1]), int(parts[2])
        return (f"{y}년 {m}월 {d}일", f"{y}年{m}月{d}日", f"{d} {_MONTHS[m - 1]} {y}")[i]
    return (f"{edtf}년", f"{edtf}年", edtf)[i]
