"""Build tests/names/data/name_variants.csv from the hand-compiled public spellings below.

Each line: hangul-or-kanji | hanja | spellings separated by ';' | source keys. A spelling may end
with ``@key`` to cite a source other than the line's first. Korean lines also get two *derived*
rows (Revised Romanization and McCune-Reischauer made by ko-pron from the published hangul, an
implementation independent of inquiry.names); derived rows are marked ``derived:`` in the source
column so the benchmark can report published-only figures separately.

Run: /work/venv/bin/python tests/names/data/build_name_variants.py
"""

from __future__ import annotations

import csv
from pathlib import Path

SOURCES = {
    "wiki": "https://en.wikipedia.org/wiki/{title}",
    "ofac2016": "https://www.treasury.gov/press-center/press-releases/Pages/jl0506.aspx (OFAC, 6 Jul 2016)",
    "ofac2017": "https://www.treasury.gov/press-center/press-releases/Pages/jl0699.aspx (OFAC, 11 Jan 2017)",
    "ofac2018": "https://home.treasury.gov/news/press-releases/sm568 (OFAC, 10 Dec 2018)",
    "un1718": "https://www.un.org/securitycouncil/sanctions/1718/materials (UN 1718 list)",
    "rachi": "https://www.rachi.go.jp/en/ratimondai/jian.html (Government of Japan, abduction cases)",
    "kbs2018": "http://news.kbs.co.kr/news/view.do?ncd=4092699 (KBS, 11 Dec 2018)",
    "hill2017": "https://thehill.com/policy/finance/313873-treasury-sanctions-top-north-korean-officials",
    "ofacsdn": "https://sanctionssearch.ofac.treas.gov/ (OFAC SDN list)",
    "rnbo2018": "https://www.rnbo.org/2018/12/10/64041.html (report of the OFAC designation, 10 Dec 2018)",
    "notes": "domain-notes.md section 5 (OFAC spelling O, Ku'k-ryo'l)",
}

# Korean names. Source key "wiki" takes the title after a colon: wiki:Kim_Jong_Un.
KOREAN = """
김정은|金正恩|Kim Jong Un;Kim Jong-un;KIM, Jong Un@ofac2016|wiki:Kim_Jong_Un
김여정|金與正|Kim Yo Jong;Kim Yo-jong;KIM, Yo Jong@ofac2017|wiki:Kim_Yo_Jong
리설주|李雪主|Ri Sol Ju;Ri Sol-ju;Lee Sol-ju;Ri Seol-ju|wiki:Ri_Sol-ju
김정일|金正日|Kim Jong Il;Kim Jong-il;Kim Chŏng-il|wiki:Kim_Jong_Il
김일성|金日成|Kim Il Sung;Kim Il-sung;Kim Il-sŏng|wiki:Kim_Il_Sung
김경희|金敬姬|Kim Kyong Hui;Kim Kyong-hui;Kim Kyung-hee|wiki:Kim_Kyong-hui
장성택|張成澤|Jang Song Thaek;Jang Song-thaek;Chang Sŏng-t'aek;Jang Sung-taek|wiki:Jang_Song-thaek
김정남|金正男|Kim Jong Nam;Kim Jong-nam|wiki:Kim_Jong-nam
최룡해|崔龍海|Choe Ryong Hae;Choe Ryong-hae;CHOE, Ryong Hae@ofac2018;Choi Ryong-hae;Ryong Hae Choe@rnbo2018|wiki:Choe_Ryong-hae
조용원||Jo Yong Won;Jo Yong-won;Cho Yong-won|wiki:Jo_Yong-won
박태성||Pak Thae Song;Pak Thae-song|wiki:Pak_Thae-song
최선희|崔善姬|Choe Son Hui;Choe Son-hui;Choe Sŏn-hŭi|wiki:Choe_Son-hui
리병철|李炳哲|Ri Pyong Chol;Ri Pyong-chol;RI, Pyong Chol@un1718|wiki:Ri_Pyong-chol
박정천||Pak Jong Chon;Pak Jong-chon|wiki:Pak_Jong-chon
노광철||No Kwang Chol;No Kwang-chol|wiki:No_Kwang-chol
김영철|金英哲|Kim Yong Chol;Kim Yong-chol;KIM, Yong Chol@ofacsdn|wiki:Kim_Yong-chol
박봉주|朴奉珠|Pak Pong Ju;Pak Pong-ju;Park Bong-ju|wiki:Pak_Pong-ju
리수용|李洙墉|Ri Su Yong;Ri Su-yong;Lee Su-yong|wiki:Ri_Su-yong
김영남|金永南|Kim Yong Nam;Kim Yong-nam;Kim Young-nam|wiki:Kim_Yong-nam
황병서|黃炳瑞|Hwang Pyong So;Hwang Pyong-so;HWANG, Pyong So@ofac2016|wiki:Hwang_Pyong-so
김덕훈||Kim Tok Hun;Kim Tok-hun;Kim Deok-hun|wiki:Kim_Tok-hun
현송월|玄松月|Hyon Song Wol;Hyon Song-wol;Hyun Song-wol|wiki:Hyon_Song-wol
리영길||Ri Yong Gil;Ri Yong-gil|wiki:Ri_Yong-gil
강순남||Kang Sun Nam;Kang Sun-nam|wiki:Kang_Sun-nam
정경택||Jong Kyong Thaek;Jong Kyong-thaek@kbs2018;JONG, Kyong Thaek@ofac2018;Kyong Thaek Jong@rnbo2018|wiki:Jong_Kyong-thaek
김재룡||Kim Jae Ryong;Kim Jae-ryong|wiki:Kim_Jae-ryong
리일환||Ri Il Hwan;Ri Il-hwan|wiki:Ri_Il-hwan
오수용||O Su Yong;O Su-yong|wiki:O_Su-yong
전현철||Jon Hyon Chol;Jon Hyon-chol|wiki:Jon_Hyon-chol
박정근||Pak Jong Gun;Pak Jong-gun|wiki:Pak_Jong-gun
리히용||Ri Hi Yong;Ri Hi-yong|wiki:Ri_Hi-yong
박광호||Pak Kwang Ho;PAK, Kwang Ho@ofac2018;Pak Kwang-ho@kbs2018;Kwang Ho Pak@rnbo2018|wiki:Pak_Kwang-ho
김원홍||Kim Won Hong;KIM, Won Hong@ofac2017;Kim Won-hong|wiki:Kim_Won-hong
최부일||Choe Pu Il;CHOE, Pu Il@ofac2016;Choe Pu-il|wiki:Choe_Pu-il
김기남||Kim Ki Nam;Kim Ki-nam;KIM, Ki Nam@ofac2016|wiki:Kim_Ki-nam
민병철||Min Byong Chol@hill2017;MIN, Byong Chol@ofac2017|ofac2017
강필훈||Kang P'il-Hun@hill2017;KANG, Pil Hun@ofac2017;Kang Phil Hun@ofac2017|ofac2017
리용호|李容浩|Ri Yong Ho;Ri Yong-ho;Lee Yong-ho|wiki:Ri_Yong-ho
리선권||Ri Son Gwon;Ri Son-gwon;Ri Sŏn-gwŏn|wiki:Ri_Son-gwon
김계관|金桂冠|Kim Kye Gwan;Kim Kye-gwan;Kim Gye-gwan|wiki:Kim_Kye-gwan
박영식||Pak Yong Sik;Pak Yong-sik|wiki:Pak_Yong-sik
리만건||Ri Man Gon;Ri Man-gon|wiki:Ri_Man-gon
김평해||Kim Pyong Hae;Kim Pyong-hae|wiki:Kim_Pyong-hae
오일정||O Il Jong;O Il-jong|wiki:O_Il-jong
리명수||Ri Myong Su;Ri Myong-su|wiki:Ri_Myong-su
김락겸||Kim Rak Gyom;Kim Rak-gyom|wiki:Kim_Rak-gyom
태영호|太永浩|Thae Yong Ho;Thae Yong-ho;Tae Yong-ho;Tae Young-ho|wiki:Thae_Yong-ho
김창선||Kim Chang Son;Kim Chang-son|wiki:Kim_Chang-son
리재일||Ri Jae Il;RI, Jae Il@ofac2016|ofac2016
조연준||Jo Yon Jun;Jo Yon-jun;JO, Yon Jun@ofac2016|wiki:Jo_Yon-jun
강석주|姜錫柱|Kang Sok Ju;Kang Sok-ju;Kang Sŏk-chu|wiki:Kang_Sok-ju
김양건|金養建|Kim Yang Gon;Kim Yang-gon|wiki:Kim_Yang-gon
최영림|崔永林|Choe Yong Rim;Choe Yong-rim|wiki:Choe_Yong-rim
박의춘||Pak Ui Chun;Pak Ui-chun;Pak Ŭi-ch'un|wiki:Pak_Ui-chun
양형섭||Yang Hyong Sop;Yang Hyong-sop;Yang Hyŏng-sŏp|wiki:Yang_Hyong-sop
현영철||Hyon Yong Chol;Hyon Yong-chol|wiki:Hyon_Yong-chol
김격식||Kim Kyok Sik;Kim Kyok-sik|wiki:Kim_Kyok-sik
오극렬|吳克烈|O Kuk Ryol;O Kuk-ryol;O, Ku'k-ryo'l@notes|wiki:O_Kuk-ryol
김영춘||Kim Yong Chun;Kim Yong-chun|wiki:Kim_Yong-chun
리을설||Ri Ul Sol;Ri Ul-sol;Ri Ŭl-sŏl|wiki:Ri_Ul-sol
조명록|趙明祿|Jo Myong Rok;Jo Myong-rok;Cho Myong-rok|wiki:Jo_Myong-rok
연형묵|延亨默|Yon Hyong Muk;Yon Hyong-muk;Yeon Hyung-muk|wiki:Yon_Hyong-muk
김국태||Kim Kuk Thae;Kim Kuk-thae|wiki:Kim_Kuk-thae
주규창||Ju Kyu Chang;Ju Kyu-chang;JU, Kyu Chang@un1718|wiki:Ju_Kyu-chang
백세봉||Paek Se Bong;Paek Se-bong;PAEK, Se Bong@un1718|un1718
리제강||Ri Je Gang;Ri Je-gang|wiki:Ri_Je-gang
고용희|高容姬|Ko Yong Hui;Ko Yong-hui;Ko Young-hee|wiki:Ko_Yong-hui
성혜림|成蕙琳|Song Hye Rim;Song Hye-rim;Sung Hye-rim|wiki:Song_Hye-rim
김평일|金平一|Kim Pyong Il;Kim Pyong-il|wiki:Kim_Pyong-il
김정철|金正哲|Kim Jong Chol;Kim Jong-chol|wiki:Kim_Jong-chol
김주애||Kim Ju Ae;Kim Ju-ae|wiki:Kim_Ju_Ae
최현|崔賢|Choe Hyon;Ch'oe Hyŏn|wiki:Choe_Hyon
김책|金策|Kim Chaek;Kim Ch'aek|wiki:Kim_Chaek
강반석|康盤石|Kang Pan Sok;Kang Pan-sok;Kang Pan-sŏk|wiki:Kang_Pan-sok
김형직|金亨稷|Kim Hyong Jik;Kim Hyong-jik;Kim Hyŏng-jik|wiki:Kim_Hyong-jik
김정숙|金正淑|Kim Jong Suk;Kim Jong-suk;Kim Chŏng-suk|wiki:Kim_Jong-suk
한성렬||Han Song Ryol;Han Song-ryol|wiki:Han_Song-ryol
송일호||Song Il Ho;Song Il-ho|wiki:Song_Il-ho
림동옥||Rim Tong Ok;Rim Tong-ok;Lim Dong-ok|wiki:Rim_Tong-ok
로두철||Ro Tu Chol;Ro Tu-chol;No Tu-chol|wiki:Ro_Tu-chol
류경||Ryu Kyong;Ryu Gyong|wiki:Ryu_Kyong
윤호진||Yun Ho Jin;YUN, Ho-jin@un1718|un1718
리제선||Ri Je Son;RI, Je-son@un1718|un1718
황석화||Hwang Sok Hwa;HWANG, Sok-hwa@un1718|un1718
리홍섭||Ri Hong Sop;RI, Hong-sop@un1718|un1718
한유로||Han Yu Ro;HAN, Yu-ro@un1718|un1718
전병호|全秉浩|Jon Pyong Ho;Chon Pyong-ho;Jeon Byeong-ho|wiki:Jon_Pyong-ho
박도춘||Pak To Chun;Pak To-chun;Park Do-chun|wiki:Pak_To-chun
최춘식||Choe Chun Sik;Choe Chun-sik;CHOE, Chun Sik@un1718|un1718
장명진||Jang Myong Jin;JANG, Myong-jin@un1718|un1718
김영일|金英逸|Kim Yong Il;Kim Yong-il|wiki:Kim_Yong-il
박남기||Pak Nam Gi;Pak Nam-gi|wiki:Pak_Nam-gi
최휘||Choe Hwi;Ch'oe Hwi|wiki:Choe_Hwi
김수길||Kim Su Gil;Kim Su-gil|wiki:Kim_Su-gil
박정희|朴正熙|Park Chung-hee;Pak Chŏng-hŭi;Park Chung Hee;Bak Jeong-hui|wiki:Park_Chung_Hee
이승만|李承晩|Syngman Rhee;Rhee Syngman;Yi Sŭng-man;Lee Seung-man|wiki:Syngman_Rhee
김대중|金大中|Kim Dae-jung;Kim Tae-jung;Kim Dae Jung|wiki:Kim_Dae-jung
노무현|盧武鉉|Roh Moo-hyun;No Mu-hyŏn;Roh Moo Hyun|wiki:Roh_Moo-hyun
이명박|李明博|Lee Myung-bak;Yi Myŏng-bak;Lee Myung Bak|wiki:Lee_Myung-bak
박근혜|朴槿惠|Park Geun-hye;Pak Kŭn-hye;Park Geun Hye|wiki:Park_Geun-hye
문재인|文在寅|Moon Jae-in;Mun Chae-in;Moon Jae In|wiki:Moon_Jae-in
윤석열|尹錫悅|Yoon Suk Yeol;Yun Sŏk-yŏl;Yoon Seok-youl|wiki:Yoon_Suk_Yeol
김영삼|金泳三|Kim Young-sam;Kim Yŏng-sam;Kim Yong-sam|wiki:Kim_Young-sam
전두환|全斗煥|Chun Doo-hwan;Chŏn Tu-hwan;Jeon Du-hwan|wiki:Chun_Doo-hwan
노태우|盧泰愚|Roh Tae-woo;No T'ae-u;Noh Tae-woo|wiki:Roh_Tae-woo
반기문|潘基文|Ban Ki-moon;Pan Ki-mun;Ban Ki Moon|wiki:Ban_Ki-moon
최규하|崔圭夏|Choi Kyu-hah;Ch'oe Kyu-ha;Choi Kyu-ha|wiki:Choi_Kyu-hah
윤보선|尹潽善|Yun Posun;Yun Po-sŏn;Yoon Bo-seon|wiki:Yun_Po-sun
이재명|李在明|Lee Jae-myung;Yi Chae-myŏng;Lee Jae Myung|wiki:Lee_Jae-myung
신상옥|申相玉|Shin Sang-ok;Sin Sang-ok|wiki:Shin_Sang-ok
최은희|崔銀姬|Choi Eun-hee;Ch'oe Ŭn-hŭi;Choe Un Hui|wiki:Choi_Eun-hee
김구|金九|Kim Gu;Kim Ku;Kim Koo|wiki:Kim_Ku
안중근|安重根|Ahn Jung-geun;An Chung-gŭn;An Jung-geun|wiki:An_Jung-geun
유관순|柳寬順|Yu Gwan-sun;Yu Kwan-sun;Ryu Gwan-sun|wiki:Yu_Gwan-sun
여운형|呂運亨|Yŏ Un-hyŏng;Lyuh Woon-hyung;Yeo Un-hyeong|wiki:Lyuh_Woon-hyung
정주영|鄭周永|Chung Ju-yung;Chŏng Chu-yŏng;Jeong Ju-yeong|wiki:Chung_Ju-yung
이건희|李健熙|Lee Kun-hee;Yi Kŏn-hŭi;Lee Geon-hui|wiki:Lee_Kun-hee
손기정|孫基禎|Sohn Kee-chung;Son Ki-jŏng;Son Gi-jeong|wiki:Sohn_Kee-chung
황우석|黃禹錫|Hwang Woo-suk;Hwang U-sŏk;Hwang Woo Suk|wiki:Hwang_Woo-suk
강경화|康京和|Kang Kyung-wha;Kang Kyŏng-hwa;Kang Gyeong-hwa|wiki:Kang_Kyung-wha
임수경|林秀卿|Lim Su-kyung;Im Su-gyeong;Rim Su Gyong|wiki:Lim_Su-kyung
김연아|金姸兒|Kim Yuna;Kim Yeon-a;Kim Yŏn-a;Kim Yu-na|wiki:Kim_Yuna
박지성|朴智星|Park Ji-sung;Pak Chi-sŏng;Park Ji Sung|wiki:Park_Ji-sung
손흥민|孫興慜|Son Heung-min;Son Hŭng-min;Son Heung Min|wiki:Son_Heung-min
류현진|柳賢振|Ryu Hyun-jin;Ryu Hyŏn-jin;Yu Hyeon-jin|wiki:Ryu_Hyun-jin
이순신|李舜臣|Yi Sun-sin;Yi Sun-shin;Lee Soon-shin|wiki:Yi_Sun-sin
정약용|丁若鏞|Jeong Yak-yong;Chŏng Yak-yong;Chong Yag-yong|wiki:Jeong_Yak-yong
김옥균|金玉均|Kim Ok-gyun;Kim Ok-kyun;Kim Ok Kyun|wiki:Kim_Ok-gyun
최치원|崔致遠|Choe Chi-won;Ch'oe Ch'i-wŏn;Choi Chi-won|wiki:Choe_Chiwon
오세훈|吳世勳|Oh Se-hoon;O Se-hun;Oh Se Hoon|wiki:Oh_Se-hoon
한덕수|韓悳洙|Han Duck-soo;Han Tŏk-su;Han Deok-su|wiki:Han_Duck-soo
정세균|丁世均|Chung Sye-kyun;Chŏng Se-gyun;Jeong Se-gyun|wiki:Chung_Sye-kyun
추미애|秋美愛|Choo Mi-ae;Ch'u Mi-ae;Chu Mi-ae|wiki:Choo_Mi-ae
심상정|沈相奵|Sim Sang-jung;Shim Sang-jung;Sim Sang-jeong|wiki:Sim_Sang-jung
유승민|劉承旼|Yoo Seong-min;Yu Sŭng-min;Yu Seung-min|wiki:Yoo_Seong-min
안철수|安哲秀|Ahn Cheol-soo;An Ch'ŏl-su;Ahn Chul-soo|wiki:Ahn_Cheol-soo
나경원|羅卿瑗|Na Kyung-won;Na Kyŏng-wŏn;Na Gyeong-won|wiki:Na_Kyung-won
홍준표|洪準杓|Hong Joon-pyo;Hong Chun-p'yo;Hong Jun-pyo|wiki:Hong_Joon-pyo
고건|高建|Goh Kun;Ko Kŏn;Go Geon|wiki:Goh_Kun
이낙연|李洛淵|Lee Nak-yon;Yi Nak-yŏn;Lee Nak-yeon|wiki:Lee_Nak-yon
노회찬|魯會燦|Roh Hoe-chan;No Hoe-ch'an;Noh Hoe-chan|wiki:Roh_Hoe-chan
조국|曺國|Cho Kuk;Jo Guk;Cho Kook|wiki:Cho_Kuk
황보관|皇甫官|Hwangbo Kwan;Hwangbo Gwan|wiki:Hwangbo_Kwan
남궁원|南宮遠|Namkoong Won;Namgung Won;Namgung Wŏn|wiki:Namkoong_Won
제갈성렬|諸葛成烈|Jegal Sung-yeol;Chegal Sŏng-nyŏl;Jegal Seong-yeol|wiki:Jegal_Sung-yeol
선우용녀|鮮于龍女|Sunwoo Yong-nyeo;Sŏnu Yong-nyŏ;Seonu Yong-nyeo|wiki:Sunwoo_Yong-nyeo
독고영재||Dokgo Young-jae;Tokko Yŏng-jae;Dokgo Yeong-jae|wiki:Dokgo_Young-jae
신광수|辛光洙|Sin Kwang Su;Sin Gwang-su;Shin Kwang-soo|wiki:Sin_Gwang-su
김현희|金賢姬|Kim Hyon Hui;Kim Hyon-hui;Kim Hyun-hee|wiki:Kim_Hyon-hui
"""

# Korean names as Japanese media write them: katakana, and kanji in Japanese glyph forms
# (崔竜海 for 崔龍海, 張成沢 for 張成澤). hangul | katakana | Japanese kanji | Japanese Wikipedia title.
KOREAN_IN_JAPANESE = """
김정은|キム・ジョンウン|金正恩|金正恩
김여정|キム・ヨジョン|金与正|金与正
리설주|リ・ソルジュ|李雪主|李雪主
최룡해|チェ・リョンヘ|崔竜海|崔竜海
김영남|キム・ヨンナム|金永南|金永南
김영철|キム・ヨンチョル|金英哲|金英哲
박봉주|パク・ポンジュ|朴奉珠|朴奉珠
신광수|シン・グァンス|辛光洙|辛光洙
김현희|キム・ヒョンヒ|金賢姫|金賢姫
김정일|キム・ジョンイル|金正日|金正日
김일성|キム・イルソン|金日成|金日成
장성택|チャン・ソンテク|張成沢|張成沢
현송월|ヒョン・ソンウォル|玄松月|玄松月
황병서|ファン・ビョンソ|黄炳瑞|黄炳瑞
리병철|リ・ビョンチョル|李炳哲|李炳哲
"""

# Japanese names: kanji | kana reading | spellings | source. Kana rows are the reading of the
# kanji name, entered by hand (marked as such); romaji as printed, in both name orders.
JAPANESE = """
横田めぐみ|よこた めぐみ|YOKOTA Megumi@rachi;Megumi Yokota;Yokota Megumi|rachi
有本恵子|ありもと けいこ|ARIMOTO Keiko@rachi;Keiko Arimoto|rachi
田口八重子|たぐち やえこ|TAGUCHI Yaeko@rachi;Yaeko Taguchi|rachi
市川修一|いちかわ しゅういち|ICHIKAWA Shuichi@rachi;Shuichi Ichikawa;Shūichi Ichikawa|rachi
増元るみ子|ますもと るみこ|MASUMOTO Rumiko@rachi;Rumiko Masumoto|rachi
地村保志|ちむら やすし|CHIMURA Yasushi@rachi;Yasushi Chimura|rachi
地村富貴恵|ちむら ふきえ|CHIMURA Fukie@rachi;Fukie Chimura|rachi
蓮池薫|はすいけ かおる|HASUIKE Kaoru@rachi;Kaoru Hasuike|rachi
蓮池祐木子|はすいけ ゆきこ|HASUIKE Yukiko@rachi;Yukiko Hasuike|rachi
原敕晁|はら ただあき|HARA Tadaaki@rachi;Tadaaki Hara|rachi
曽我ひとみ|そが ひとみ|SOGA Hitomi@rachi;Hitomi Soga|rachi
曽我ミヨシ|そが みよし|SOGA Miyoshi@rachi;Miyoshi Soga|rachi
石岡亨|いしおか とおる|ISHIOKA Toru@rachi;Toru Ishioka;Tōru Ishioka|rachi
松木薫|まつき かおる|MATSUKI Kaoru@rachi;Kaoru Matsuki|rachi
久米裕|くめ ゆたか|KUME Yutaka@rachi;Yutaka Kume|rachi
松本京子|まつもと きょうこ|MATSUMOTO Kyoko@rachi;Kyoko Matsumoto;Kyōko Matsumoto|rachi
田中実|たなか みのる|TANAKA Minoru@rachi;Minoru Tanaka|rachi
横田滋|よこた しげる|Shigeru Yokota;Yokota Shigeru|wiki:Shigeru_Yokota
横田早紀江|よこた さきえ|Sakie Yokota;Yokota Sakie|wiki:Sakie_Yokota
安倍晋三|あべ しんぞう|Shinzo Abe;Shinzō Abe;Abe Shinzō;ABE Shinzo|wiki:Shinzo_Abe
小泉純一郎|こいずみ じゅんいちろう|Junichiro Koizumi;Jun'ichirō Koizumi;Koizumi Jun'ichirō|wiki:Junichiro_Koizumi
岸田文雄|きしだ ふみお|Fumio Kishida;Kishida Fumio;KISHIDA Fumio|wiki:Fumio_Kishida
菅義偉|すが よしひで|Yoshihide Suga;Suga Yoshihide;SUGA Yoshihide|wiki:Yoshihide_Suga
菅直人|かん なおと|Naoto Kan;Kan Naoto|wiki:Naoto_Kan
野田佳彦|のだ よしひこ|Yoshihiko Noda;Noda Yoshihiko|wiki:Yoshihiko_Noda
石破茂|いしば しげる|Shigeru Ishiba;Ishiba Shigeru;ISHIBA Shigeru|wiki:Shigeru_Ishiba
福田康夫|ふくだ やすお|Yasuo Fukuda;Fukuda Yasuo|wiki:Yasuo_Fukuda
麻生太郎|あそう たろう|Taro Aso;Tarō Asō;Aso Taro|wiki:Taro_Aso
鳩山由紀夫|はとやま ゆきお|Yukio Hatoyama;Hatoyama Yukio|wiki:Yukio_Hatoyama
森喜朗|もり よしろう|Yoshiro Mori;Yoshirō Mori;Mori Yoshiro|wiki:Yoshiro_Mori
小渕恵三|おぶち けいぞう|Keizo Obuchi;Keizō Obuchi;Obuchi Keizo|wiki:Keizo_Obuchi
橋本龍太郎|はしもと りゅうたろう|Ryutaro Hashimoto;Ryūtarō Hashimoto;Hashimoto Ryutaro|wiki:Ryutaro_Hashimoto
村山富市|むらやま とみいち|Tomiichi Murayama;Murayama Tomiichi|wiki:Tomiichi_Murayama
細川護熙|ほそかわ もりひろ|Morihiro Hosokawa;Hosokawa Morihiro|wiki:Morihiro_Hosokawa
宮沢喜一|みやざわ きいち|Kiichi Miyazawa;Miyazawa Kiichi|wiki:Kiichi_Miyazawa
中曽根康弘|なかそね やすひろ|Yasuhiro Nakasone;Nakasone Yasuhiro|wiki:Yasuhiro_Nakasone
蓮池透|はすいけ とおる|Toru Hasuike;Tōru Hasuike;Hasuike Toru|wiki:Toru_Hasuike
増元照明|ますもと てるあき|Teruaki Masumoto;Masumoto Teruaki|wiki:Teruaki_Masumoto
飯塚繁雄|いいづか しげお|Shigeo Iizuka;Iizuka Shigeo|wiki:Shigeo_Iizuka
"""


TWO_SYLLABLE_SURNAMES = {"남궁", "황보", "제갈", "선우", "독고", "사공", "서문"}


def _source(key: str) -> str:
    name, _, title = key.partition(":")
    template = SOURCES[name]
    return template.format(title=title) if title else template


def _spellings(field: str, default: str) -> list[tuple[str, str]]:
    out = []
    for item in field.split(";"):
        spelling, _, key = item.partition("@")
        out.append((spelling.strip(), _source(key.strip() or default)))
    return out


def build_rows() -> list[dict[str, str]]:
    import ko_pron  # MIT; an independent romanizer for the derived rows

    rows: list[dict[str, str]] = []
    for n, line in enumerate(filter(None, KOREAN.strip().splitlines()), 1):
        hangul, hanja, spellings, src = line.split("|")
        gid = f"ko{n:03d}"
        source = _source(src)
        rows.append({"group_id": gid, "name": hangul, "script": "hangul", "lang": "ko", "source": source})
        if hanja:
            rows.append({"group_id": gid, "name": hanja, "script": "hanja", "lang": "ko", "source": source})
        for spelling, s in _spellings(spellings, src):
            rows.append({"group_id": gid, "name": spelling, "script": "latin", "lang": "ko", "source": s})
        surname_len = 2 if hangul[:2] in TWO_SYLLABLE_SURNAMES else 1
        sur, giv = hangul[:surname_len], hangul[surname_len:]
        for system in ("rr", "mr"):
            text = f"{ko_pron.romanise(sur, system).capitalize()} {ko_pron.romanise(giv, system).capitalize()}"
            rows.append({"group_id": gid, "name": text, "script": "latin", "lang": "ko",
                         "source": f"derived:ko-pron {system} of the hangul in {source}"})
    group_of = {r["name"]: r["group_id"] for r in rows if r["script"] == "hangul"}
    for line in filter(None, KOREAN_IN_JAPANESE.strip().splitlines()):
        hangul, katakana, kanji, title = line.split("|")
        source = f"https://ja.wikipedia.org/wiki/{title} (Japanese rendering)"
        rows.append({"group_id": group_of[hangul], "name": katakana, "script": "kana", "lang": "ko",
                     "source": source})
        rows.append({"group_id": group_of[hangul], "name": kanji, "script": "hanja", "lang": "ko",
                     "source": source})
    for n, line in enumerate(filter(None, JAPANESE.strip().splitlines()), 1):
        kanji, kana, spellings, src = line.split("|")
        gid = f"ja{n:03d}"
        source = _source(src)
        rows.append({"group_id": gid, "name": kanji, "script": "kanji", "lang": "ja", "source": source})
        rows.append({"group_id": gid, "name": kana, "script": "kana", "lang": "ja",
                     "source": f"hand-entered kana reading of the name in {source}"})
        for spelling, s in _spellings(spellings, src):
            rows.append({"group_id": gid, "name": spelling, "script": "latin", "lang": "ja", "source": s})
    # Deduplicate exact repeats within a group (a derived form may equal a published one).
    seen: set[tuple[str, str]] = set()
    unique = []
    for row in rows:
        key = (row["group_id"], row["name"].casefold())
        if key not in seen:
            seen.add(key)
            unique.append(row)
    return unique


def main() -> None:
    path = Path(__file__).with_name("name_variants.csv")
    rows = build_rows()
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=["group_id", "name", "script", "lang", "source"])
        writer.writeheader()
        writer.writerows(rows)
    groups = {r["group_id"] for r in rows}
    print(f"wrote {len(rows)} rows in {len(groups)} groups to {path}")


if __name__ == "__main__":
    main()
