"""Initial content of the public site: pages and frequently asked questions in three languages.

Staff edit this content in the workbench afterwards; the seed only adds entries whose key is
missing, so it never overwrites an edit. ``seed_content`` takes the model classes so that the
data migration can pass its historical models.

Sources of the facts stated here (all public): Human Rights Council resolution 22/13 (21 March
2013); the commission's report A/HRC/25/63 and detailed findings A/HRC/25/CRP.1 (2014), which
describe its methodology (standard of proof, confidential witness codes, public hearings, the
confidential database and informed consent). No statement is made about any individual.
Korean and Japanese follow the project glossary (shared/design/glossary.md).
"""

from __future__ import annotations

PAGES: list[dict] = [
    {
        "key": "about", "section": "about", "order": 10, "lists_patterns": False,
        "title_en": "About the commission",
        "body_en": """\
The Commission of Inquiry on Human Rights in the Democratic People's Republic of Korea (DPRK) is an independent body established by the United Nations Human Rights Council. Its task is to establish the facts about grave human rights violations, so that the international community can respond and those responsible can be held to account.

A commission of inquiry is not a court. It does not try anyone and cannot impose penalties. It gathers and assesses information from victims, witnesses and documents, makes findings on the facts and on their legal qualification, and reports its conclusions and recommendations to the Human Rights Council and, through it, to the wider United Nations.

The commission works in English, Korean and Japanese. It is supported by a secretariat provided by the Office of the United Nations High Commissioner for Human Rights (OHCHR).""",
        "title_ko": "위원회 소개",
        "body_ko": """\
유엔 북한인권조사위원회(COI)는 유엔 인권이사회가 설립한 독립 기구입니다. 위원회의 임무는 중대한 인권 침해에 관한 사실을 규명하여 국제사회가 이에 대응하고 책임자에 대한 책임 규명이 이루어질 수 있도록 하는 것입니다.

조사위원회는 법원이 아닙니다. 위원회는 누구도 재판하지 않으며 처벌을 부과할 수 없습니다. 위원회는 피해자, 증인 및 문서로부터 정보를 수집·평가하고, 사실관계와 그 법적 성격에 관한 조사 결과를 도출하며, 결론과 권고를 유엔 인권이사회에, 그리고 인권이사회를 통하여 유엔 전체에 보고합니다.

위원회는 영어, 한국어 및 일본어로 활동합니다. 위원회의 사무국 업무는 유엔 인권최고대표사무소(OHCHR)가 지원합니다.""",
        "title_ja": "委員会について",
        "body_ja": """\
北朝鮮における人権に関する国連調査委員会（COI）は、国連人権理事会によって設置された独立の機関です。その任務は、重大な人権侵害に関する事実を明らかにし、国際社会がこれに対応し、責任ある者の責任追及が行われるようにすることです。

調査委員会は裁判所ではありません。委員会は誰かを裁くことはなく、刑罰を科すこともできません。委員会は、被害者、証人及び文書から情報を収集・評価し、事実とその法的性格について認定を行い、結論と勧告を国連人権理事会に、そして同理事会を通じて国連全体に報告します。

委員会は英語、韓国語及び日本語で活動します。委員会の事務局は、国連人権高等弁務官事務所（OHCHR）が支援しています。""",
    },
    {
        "key": "mandate", "section": "about", "order": 20, "lists_patterns": False,
        "title_en": "The mandate",
        "body_en": """\
The Human Rights Council established the commission by its resolution 22/13 of 21 March 2013. The resolution asks the commission to investigate the systematic, widespread and grave violations of human rights in the DPRK, with a view to ensuring full accountability, in particular for violations which may amount to crimes against humanity.

The mandate names nine patterns of violations, listed below. For each of them the commission examines what happened, who was affected, which institutions were involved, and whether the violations may amount to crimes against humanity under article 7 of the Rome Statute of the International Criminal Court.""",
        "title_ko": "위원회의 권한 (위임사항)",
        "body_ko": """\
유엔 인권이사회는 2013년 3월 21일 결의 22/13을 통하여 위원회를 설립하였습니다. 이 결의는 위원회에 조선민주주의인민공화국(북한)에서 발생한 체계적이고 광범위하며 중대한 인권 침해를 조사하되, 특히 반인도범죄에 해당할 수 있는 침해에 대하여 완전한 책임 규명을 보장하는 것을 목적으로 할 것을 요청하고 있습니다.

위원회의 권한은 아래에 열거된 아홉 가지 침해 유형을 명시하고 있습니다. 위원회는 각 유형에 대하여 무엇이 일어났는지, 누가 피해를 입었는지, 어떠한 기관이 관여하였는지, 그리고 그 침해가 국제형사재판소에 관한 로마규정 제7조에 따른 반인도범죄에 해당할 수 있는지를 검토합니다.""",
        "title_ja": "マンデート（任務）",
        "body_ja": """\
国連人権理事会は、2013年3月21日の決議22/13により委員会を設置しました。同決議は、朝鮮民主主義人民共和国（北朝鮮）における組織的、広範かつ重大な人権侵害を、特に人道に対する罪に該当し得る侵害について完全な責任追及を確保することを目的として調査するよう、委員会に求めています。

マンデートは、以下に掲げる九つの侵害の類型を定めています。委員会は、それぞれの類型について、何が起きたのか、誰が被害を受けたのか、どの機関が関与したのか、そしてその侵害が国際刑事裁判所に関するローマ規程第7条に基づく人道に対する罪に該当し得るかどうかを検討します。""",
    },
    {
        "key": "patterns", "section": "about", "order": 30, "lists_patterns": True,
        "title_en": "The nine patterns of violations",
        "body_en": """\
The report of the commission is organised by themes; the list shows, for each pattern of the mandate, the chapters of the report that address it. One account often concerns several patterns: a person arrested while trying to leave the country, for example, may describe arbitrary detention, torture and violations of the freedom of movement.""",
        "title_ko": "아홉 가지 침해 유형",
        "body_ko": """\
위원회의 보고서는 주제별로 구성되어 있으며, 아래 목록은 권한에 명시된 각 유형과 이를 다루는 보고서의 장을 보여 줍니다. 하나의 증언이 여러 유형에 관련되는 경우가 많습니다. 예를 들어 국외로 나가려다 체포된 사람은 자의적 구금, 고문 및 이동의 자유 침해를 함께 진술할 수 있습니다.""",
        "title_ja": "九つの侵害の類型",
        "body_ja": """\
委員会の報告書はテーマ別に構成されています。以下の一覧は、マンデートの各類型について、それを扱う報告書の章を示しています。一つの証言が複数の類型に関わることも少なくありません。例えば、国外に出ようとして拘束された人は、恣意的拘禁、拷問及び移動の自由の侵害について同時に述べることがあります。""",
    },
    {
        "key": "methods", "section": "about", "order": 40, "lists_patterns": False,
        "title_en": "How the commission reaches its findings",
        "body_en": """\
The commission relies above all on first-hand accounts of victims and witnesses, given in confidential interviews or, where it is safe, in public hearings. It also examines documents, satellite imagery, and information submitted by organisations and governments.

It makes a finding only when there are **reasonable grounds to believe** that an incident or a pattern of conduct occurred: a reliable body of information, consistent with other information, on which a reasonable and ordinarily prudent person would believe that it took place. Accounts are checked against each other, and only sources that are independent of each other count as corroboration.

Findings are approved by the commissioners. Only approved findings, and statistics that the commission has decided to release, appear on this site.""",
        "title_ko": "위원회가 조사 결과에 이르는 방법",
        "body_ko": """\
위원회는 무엇보다도 비공개 면담에서, 또는 안전이 확보되는 경우 공청회에서 피해자와 증인이 직접 진술한 내용에 근거합니다. 또한 문서, 위성 사진, 그리고 단체 및 정부가 제출한 정보를 검토합니다.

위원회는 어떤 사건이나 행위 유형이 발생하였다고 **믿을 만한 합리적 근거**가 있는 경우에만 조사 결과를 도출합니다. 이는 다른 정보와 부합하는 신뢰할 수 있는 정보가 있어, 합리적이고 통상적으로 신중한 사람이라면 그 일이 일어났다고 믿을 수 있는 상태를 말합니다. 진술은 서로 대조하여 확인하며, 서로 독립적인 출처만이 보강 증거로 인정됩니다.

조사 결과는 위원들이 승인합니다. 이 사이트에는 승인된 조사 결과와 위원회가 공개하기로 결정한 통계만이 게시됩니다.""",
        "title_ja": "委員会が認定に至る方法",
        "body_ja": """\
委員会は、何よりも、非公開の聞き取りにおいて、又は安全が確保される場合には公聴会において、被害者及び証人が直接述べた内容に依拠します。また、文書、衛星画像、並びに団体及び政府から提出された情報も検討します。

委員会は、ある事件又は行為の類型が生じたと**信じるに足る合理的な根拠**がある場合にのみ認定を行います。これは、他の情報と整合する信頼できる一連の情報があり、合理的で通常の慎重さを備えた人であればそれが起きたと信じるであろう状態をいいます。証言は相互に照合され、互いに独立した情報源のみが裏付けとして数えられます。

認定は委員が承認します。このサイトには、承認された認定と、委員会が公表を決定した統計のみが掲載されます。""",
    },
    {
        "key": "before-you-contact", "section": "submit", "order": 10, "lists_patterns": False,
        "title_en": "Before you contact the commission",
        "body_en": """\
Your safety, and the safety of your family, come first. Please read this page before you send anything.

- Use a device and an account that nobody else uses or checks, and that is not provided or monitored by an employer, a school or a government. If you are not sure, wait until you can use one.
- If you are inside the DPRK, or in a country from which you could be forcibly returned, do not contact the commission in any way that could be discovered. No information is worth putting yourself at risk.
- Do not post your account, or anyone's name, on social media or in public messaging groups.
- Staff of the commission will never ask you for a password, for money, or to meet in a place where you do not feel safe. If someone does, stop the contact.""",
        "title_ko": "위원회에 연락하기 전에",
        "body_ko": """\
여러분과 가족의 안전이 무엇보다 우선입니다. 어떤 정보를 보내기 전에 이 페이지를 읽어 주십시오.

- 다른 사람이 사용하거나 확인하지 않으며, 고용주·학교·정부가 제공하거나 감시하지 않는 기기와 계정을 사용하십시오. 확실하지 않다면 그러한 기기를 사용할 수 있을 때까지 기다리십시오.
- 북한 내에 있거나 강제송환될 우려가 있는 나라에 있는 경우, 발각될 수 있는 어떠한 방법으로도 위원회에 연락하지 마십시오. 여러분 자신을 위험에 빠뜨릴 만한 가치가 있는 정보는 없습니다.
- 자신의 진술이나 다른 사람의 이름을 소셜 미디어나 공개 메신저 대화방에 올리지 마십시오.
- 위원회 직원은 결코 비밀번호나 금전을 요구하거나, 여러분이 안전하다고 느끼지 않는 장소에서 만나자고 요청하지 않습니다. 누군가 그러한 요구를 한다면 연락을 중단하십시오.""",
        "title_ja": "委員会に連絡する前に",
        "body_ja": """\
あなたとご家族の安全が何よりも優先されます。何かを送る前に、このページをお読みください。

- 他の人が使ったり確認したりせず、雇用主、学校又は政府が提供又は監視していない端末とアカウントを使用してください。確信が持てない場合は、そのような端末を使えるようになるまで待ってください。
- 北朝鮮国内にいる場合、又は強制送還されるおそれのある国にいる場合は、発覚し得るいかなる方法でも委員会に連絡しないでください。ご自身を危険にさらしてまで伝えるべき情報はありません。
- ご自身の証言や他の人の名前を、ソーシャルメディアや公開のメッセージグループに投稿しないでください。
- 委員会の職員が、パスワードや金銭を求めたり、あなたが安全だと感じない場所で会うよう求めたりすることは決してありません。そのような求めがあった場合は、連絡を中止してください。""",
    },
    {
        "key": "protect-others", "section": "submit", "order": 20, "lists_patterns": False,
        "title_en": "Protecting your family and others",
        "body_en": """\
Relatives who remain in the DPRK can suffer reprisals for what a family member says abroad.

- In a first message, or in any open channel such as e-mail, messaging applications or telephone, do not name relatives or other people who are inside the DPRK, and do not give their addresses or workplaces. The commission will ask for such details later, in a protected interview, and only if they are needed.
- Photographs and files can reveal where and when they were made. If you can, remove location data before sending them, or tell the commission that the file contains it.
- Tell us if you think that you or anyone else is at risk. The commission assesses the risk of reprisals, including for relatives, before it uses any information.""",
        "title_ko": "가족과 다른 사람들을 보호하기",
        "body_ko": """\
북한에 남아 있는 가족은 해외에 있는 가족 구성원이 한 말 때문에 보복을 당할 수 있습니다.

- 첫 연락에서, 또는 이메일·메신저·전화와 같은 공개된 경로에서는 북한 내에 있는 가족이나 다른 사람의 이름을 밝히지 말고, 그들의 주소나 직장도 알리지 마십시오. 위원회는 필요한 경우에 한하여 보호된 면담에서 그러한 세부 사항을 나중에 여쭙니다.
- 사진과 파일에는 촬영·작성 장소와 시간이 담겨 있을 수 있습니다. 가능하다면 보내기 전에 위치 정보를 삭제하거나, 파일에 위치 정보가 포함되어 있음을 위원회에 알려 주십시오.
- 여러분이나 다른 누군가가 위험에 처해 있다고 생각되면 알려 주십시오. 위원회는 어떤 정보를 사용하기 전에 가족을 포함하여 보복의 위험을 평가합니다.""",
        "title_ja": "ご家族や他の人々を守るために",
        "body_ja": """\
北朝鮮に残っている家族は、国外にいる家族の発言を理由に報復を受けるおそれがあります。

- 最初の連絡や、電子メール、メッセージアプリ、電話などの開かれた経路では、北朝鮮国内にいる家族や他の人の名前を挙げず、その住所や勤務先も伝えないでください。委員会は、必要な場合に限り、保護された聞き取りの場で後からそのような詳細を伺います。
- 写真やファイルには、作成された場所と日時が記録されていることがあります。可能であれば送信前に位置情報を削除するか、ファイルに位置情報が含まれていることを委員会にお知らせください。
- あなた自身や他の誰かが危険にさらされていると思われる場合は、お知らせください。委員会は、いかなる情報を用いる前にも、家族を含めた報復の危険を評価します。""",
    },
    {
        "key": "what-to-send", "section": "submit", "order": 30, "lists_patterns": False,
        "title_en": "What to send, and what happens next",
        "body_en": """\
A short first message is enough: say what kind of information you have (for example, what you saw or experienced, roughly when and where), which language you prefer, and how and when it is safe to reach you. Do not send your full account in the first message.

Dates do not need to be exact: "spring 1997" or "before 2004" is useful. Say what you saw yourself and what you heard from others; both can help, and the commission records the difference.

If the commission asks to interview you, the interview takes place in a language you choose, with an interpreter if needed. Before anything is recorded, you will be told how your information may be used, and you decide what you agree to. You may stop at any time, and you may later withdraw your consent.

The commission cannot grant asylum, relocation or financial assistance.""",
        "title_ko": "보낼 내용과 그 이후의 절차",
        "body_ko": """\
첫 연락은 짧아도 충분합니다. 어떤 종류의 정보를 가지고 있는지(예를 들어 무엇을 보거나 겪었는지, 대략 언제 어디에서였는지), 어떤 언어를 원하는지, 그리고 언제 어떻게 연락하는 것이 안전한지를 알려 주십시오. 첫 연락에 진술 전체를 보내지 마십시오.

날짜가 정확하지 않아도 됩니다. "1997년 봄"이나 "2004년 이전"과 같은 정보도 유용합니다. 직접 본 것과 다른 사람에게서 들은 것을 구분하여 말씀해 주십시오. 둘 다 도움이 될 수 있으며, 위원회는 그 차이를 기록합니다.

위원회가 면담을 요청하는 경우, 면담은 여러분이 선택한 언어로, 필요하면 통역인과 함께 진행됩니다. 어떤 내용이든 기록하기 전에 여러분의 정보가 어떻게 사용될 수 있는지 안내받게 되며, 무엇에 동의할지는 여러분이 결정합니다. 언제든지 면담을 중단할 수 있으며, 나중에 동의를 철회할 수도 있습니다.

위원회는 비호, 이주 또는 금전적 지원을 제공할 수 없습니다.""",
        "title_ja": "送る内容とその後の流れ",
        "body_ja": """\
最初の連絡は短いもので十分です。どのような情報をお持ちか（例えば、何を見たり経験したりしたのか、おおよそいつ、どこでのことか）、希望する言語、そしていつ、どのように連絡すれば安全かをお知らせください。最初の連絡で証言の全体を送らないでください。

日付は正確でなくても構いません。「1997年春」や「2004年より前」といった情報も役に立ちます。ご自身が直接見たことと、他の人から聞いたことを区別してお伝えください。どちらも役に立つことがあり、委員会はその違いを記録します。

委員会が聞き取りをお願いする場合、聞き取りはあなたが選ぶ言語で、必要であれば通訳を付けて行われます。何かを記録する前に、あなたの情報がどのように使われ得るかが説明され、何に同意するかはあなたが決めます。いつでも中断することができ、後から同意を撤回することもできます。

委員会は、庇護、移住又は金銭的な支援を提供することはできません。""",
    },
]

FAQ: list[dict] = [
    # --- what the commission does
    {
        "key": "what-is-a-commission", "topic": "commission", "order": 10,
        "question_en": "What is a commission of inquiry?",
        "answer_en": "A commission of inquiry is a fact-finding body mandated by a United Nations organ, here the Human Rights Council, to investigate serious violations of human rights. It establishes facts, identifies patterns and, where the information allows, the institutions and persons responsible, and it reports with recommendations. It is not a court and does not try anyone, but its findings can support later accountability.",
        "question_ko": "조사위원회란 무엇입니까?",
        "answer_ko": "조사위원회는 유엔 기관(이 경우 유엔 인권이사회)으로부터 중대한 인권 침해를 조사하도록 위임받은 사실조사 기구입니다. 조사위원회는 사실을 규명하고 침해의 유형을 밝히며, 정보가 허용하는 경우 책임이 있는 기관과 개인을 특정하고, 권고와 함께 보고합니다. 조사위원회는 법원이 아니며 누구도 재판하지 않지만, 그 조사 결과는 이후의 책임 규명을 뒷받침할 수 있습니다.",
        "question_ja": "調査委員会とは何ですか。",
        "answer_ja": "調査委員会は、国連の機関（ここでは国連人権理事会）から重大な人権侵害を調査する任務を与えられた事実調査機関です。事実を明らかにし、侵害の類型を特定し、情報が許す場合には責任ある機関及び個人を特定し、勧告を付して報告します。裁判所ではなく誰かを裁くことはありませんが、その認定は将来の責任追及を支えることができます。",
    },
    {
        "key": "what-does-it-investigate", "topic": "commission", "order": 20,
        "question_en": "What does this commission investigate?",
        "answer_en": "Under Human Rights Council resolution 22/13, the commission investigates the systematic, widespread and grave violations of human rights in the Democratic People's Republic of Korea, in nine patterns: the right to food; prison camps; torture and inhuman treatment; arbitrary detention; discrimination; freedom of expression; the right to life; freedom of movement; and enforced disappearances, including abductions of nationals of other States. It assesses in particular whether violations may amount to crimes against humanity.",
        "question_ko": "이 위원회는 무엇을 조사합니까?",
        "answer_ko": "유엔 인권이사회 결의 22/13에 따라 위원회는 조선민주주의인민공화국에서 발생한 체계적이고 광범위하며 중대한 인권 침해를 아홉 가지 유형에 걸쳐 조사합니다. 그 유형은 식량권, 수용소, 고문 및 비인도적 처우, 자의적 구금, 차별, 표현의 자유, 생명권, 이동의 자유, 그리고 타국 국민 납치를 포함한 강제실종입니다. 위원회는 특히 이러한 침해가 반인도범죄에 해당할 수 있는지를 평가합니다.",
        "question_ja": "この委員会は何を調査するのですか。",
        "answer_ja": "国連人権理事会決議22/13に基づき、委員会は朝鮮民主主義人民共和国における組織的、広範かつ重大な人権侵害を、九つの類型について調査します。その類型とは、食料に対する権利、収容所、拷問及び非人道的な取扱い、恣意的拘禁、差別、表現の自由、生命に対する権利、移動の自由、そして他国民の拉致を含む強制失踪です。委員会は特に、これらの侵害が人道に対する罪に該当し得るかどうかを評価します。",
    },
    {
        "key": "independence", "topic": "commission", "order": 30,
        "question_en": "Is the commission independent?",
        "answer_en": "Yes. The commissioners serve in their personal capacity and do not represent any government or organisation. The commission decides on its own methods and conclusions. The Office of the United Nations High Commissioner for Human Rights provides its secretariat.",
        "question_ko": "위원회는 독립적입니까?",
        "answer_ko": "그렇습니다. 위원들은 개인 자격으로 활동하며 어떠한 정부나 단체도 대표하지 않습니다. 위원회는 스스로 조사 방법과 결론을 결정합니다. 사무국은 유엔 인권최고대표사무소가 맡고 있습니다.",
        "question_ja": "委員会は独立していますか。",
        "answer_ja": "はい。委員は個人の資格で職務を行い、いかなる政府又は団体も代表しません。委員会は自らの方法と結論を自ら決定します。事務局は国連人権高等弁務官事務所が務めています。",
    },
    # --- how it works
    {
        "key": "how-it-works", "topic": "work", "order": 40,
        "question_en": "How does the commission gather information?",
        "answer_en": "Mainly through confidential interviews with victims and witnesses, most of whom have left the country. Where it is safe and the witness agrees, it also holds public hearings. It examines documents, photographs, satellite imagery and information submitted by organisations and governments, and it compares every account with other information.",
        "question_ko": "위원회는 어떻게 정보를 수집합니까?",
        "answer_ko": "주로 피해자 및 증인과의 비공개 면담을 통하여 정보를 수집하며, 그들 대부분은 북한을 떠난 사람들입니다. 안전이 확보되고 증인이 동의하는 경우에는 공청회도 개최합니다. 또한 문서, 사진, 위성 사진, 그리고 단체와 정부가 제출한 정보를 검토하며, 모든 진술을 다른 정보와 대조합니다.",
        "question_ja": "委員会はどのように情報を集めるのですか。",
        "answer_ja": "主に、被害者及び証人への非公開の聞き取りを通じて情報を集めます。その多くは国外に逃れた人々です。安全が確保され、証人が同意する場合には、公聴会も開催します。また、文書、写真、衛星画像、並びに団体及び政府から提出された情報を検討し、すべての証言を他の情報と照合します。",
    },
    {
        "key": "standard-of-proof", "topic": "work", "order": 50,
        "question_en": "What does \"reasonable grounds to believe\" mean?",
        "answer_en": "It is the standard of proof the commission applies. A finding is made when there is a reliable body of information, consistent with other information, on which a reasonable and ordinarily prudent person would believe that the incident or pattern of conduct occurred. It is lower than the standard of a criminal conviction, which is for courts to apply.",
        "question_ko": "\"믿을 만한 합리적 근거\"란 무엇을 의미합니까?",
        "answer_ko": "이는 위원회가 적용하는 입증 기준입니다. 다른 정보와 부합하는 신뢰할 수 있는 정보가 있어 합리적이고 통상적으로 신중한 사람이라면 그 사건이나 행위 유형이 발생하였다고 믿을 수 있을 때 조사 결과가 도출됩니다. 이는 형사 유죄 판결의 기준보다 낮으며, 유죄 판결의 기준은 법원이 적용하는 것입니다.",
        "question_ja": "「信じるに足る合理的な根拠」とはどういう意味ですか。",
        "answer_ja": "これは委員会が適用する証明基準です。他の情報と整合する信頼できる一連の情報があり、合理的で通常の慎重さを備えた人であればその事件又は行為の類型が生じたと信じるであろう場合に、認定が行われます。これは刑事上の有罪判決の基準よりも低いものであり、有罪判決の基準は裁判所が適用するものです。",
    },
    # --- who can testify
    {
        "key": "who-can-testify", "topic": "testify", "order": 60,
        "question_en": "Who can give information to the commission?",
        "answer_en": "Anyone with relevant information: people who experienced or witnessed violations, family members of victims, including relatives of abductees, former officials, and organisations that document violations. Nationality does not matter. You do not need to have evidence in writing; your own account is valuable.",
        "question_ko": "누가 위원회에 정보를 제공할 수 있습니까?",
        "answer_ko": "관련 정보를 가진 사람은 누구나 제공할 수 있습니다. 침해를 직접 겪거나 목격한 사람, 납치 피해자의 가족을 포함한 피해자의 가족, 전직 관리, 그리고 침해를 기록하는 단체 등이 해당됩니다. 국적은 상관없습니다. 서면 증거가 없어도 되며, 여러분 자신의 진술이 소중합니다.",
        "question_ja": "誰が委員会に情報を提供できますか。",
        "answer_ja": "関連する情報を持つ人は誰でも提供できます。侵害を経験し又は目撃した人、拉致被害者の家族を含む被害者の家族、元公務員、そして侵害を記録している団体などです。国籍は問いません。書面の証拠がなくても構いません。あなた自身の証言が貴重です。",
    },
    {
        "key": "language", "topic": "testify", "order": 70,
        "question_en": "In which language can I speak?",
        "answer_en": "In the language you are most comfortable with. The commission works in Korean, Japanese and English and arranges an interpreter for other languages. Interpreters are bound by confidentiality.",
        "question_ko": "어떤 언어로 말할 수 있습니까?",
        "answer_ko": "가장 편한 언어로 말씀하시면 됩니다. 위원회는 한국어, 일본어 및 영어로 활동하며, 그 밖의 언어에 대해서는 통역인을 배정합니다. 통역인은 비밀 유지 의무를 집니다.",
        "question_ja": "どの言語で話すことができますか。",
        "answer_ja": "最も話しやすい言語でお話しください。委員会は韓国語、日本語及び英語で活動しており、その他の言語については通訳を手配します。通訳者は秘密保持の義務を負います。",
    },
    {
        "key": "public-or-confidential", "topic": "testify", "order": 80,
        "question_en": "Will I have to speak in public?",
        "answer_en": "No. Most witnesses speak only in confidential interviews. A public hearing is held only if you wish it, if you have given your consent for it, and if the commission considers it safe for you and your family. The commission may advise against speaking in public when relatives could be put at risk.",
        "question_ko": "공개적으로 증언해야 합니까?",
        "answer_ko": "아닙니다. 대부분의 증인은 비공개 면담에서만 진술합니다. 공청회 증언은 여러분이 원하고 이에 동의하였으며, 위원회가 여러분과 가족에게 안전하다고 판단하는 경우에만 이루어집니다. 가족이 위험에 처할 수 있는 경우 위원회는 공개 증언을 하지 않도록 권고할 수 있습니다.",
        "question_ja": "公の場で話さなければなりませんか。",
        "answer_ja": "いいえ。ほとんどの証人は非公開の聞き取りでのみ証言します。公聴会での証言は、あなたがそれを望み、同意し、かつ委員会があなたとご家族にとって安全であると判断した場合にのみ行われます。家族が危険にさらされるおそれがある場合、委員会は公の場で証言しないよう助言することがあります。",
    },
    # --- how witnesses are protected
    {
        "key": "identity", "topic": "protection", "order": 90,
        "question_en": "How is my identity protected?",
        "answer_en": "Your name and contact details are kept apart from your account, in encrypted form, and only the staff responsible for protection can read them. Everyone else, inside and outside the commission, knows you only by a pseudonymous code. Reports cite witnesses by such codes, never by name, and every access to identifying information is recorded.",
        "question_ko": "제 신원은 어떻게 보호됩니까?",
        "answer_ko": "여러분의 이름과 연락처는 진술 내용과 분리되어 암호화된 형태로 보관되며, 보호를 담당하는 직원만이 이를 열람할 수 있습니다. 위원회 안팎의 다른 모든 사람은 가명 코드로만 여러분을 알게 됩니다. 보고서는 증인을 이름이 아닌 이러한 코드로만 인용하며, 신원 정보에 대한 모든 접근은 기록됩니다.",
        "question_ja": "私の身元はどのように守られますか。",
        "answer_ja": "あなたの氏名と連絡先は、証言の内容とは切り離して暗号化された形で保管され、保護を担当する職員だけが閲覧できます。委員会の内外のそれ以外の人は、仮名コードによってのみあなたを知ることになります。報告書は証人を氏名ではなくこのようなコードで引用し、身元情報へのすべてのアクセスは記録されます。",
    },
    {
        "key": "relatives", "topic": "protection", "order": 100,
        "question_en": "Will the commission contact my family?",
        "answer_en": "Not without your consent. The commission does not contact relatives or other people you mention, in the DPRK or elsewhere, unless you have agreed to it. Before using any information, it assesses the risk of reprisals against you and your relatives and leaves out or masks anything that could identify them.",
        "question_ko": "위원회가 제 가족에게 연락합니까?",
        "answer_ko": "여러분의 동의 없이는 연락하지 않습니다. 위원회는 여러분이 동의하지 않는 한 북한이나 다른 곳에 있는 가족 또는 여러분이 언급한 다른 사람에게 연락하지 않습니다. 위원회는 어떤 정보를 사용하기 전에 여러분과 가족에 대한 보복의 위험을 평가하고, 그들을 식별할 수 있는 내용은 제외하거나 비식별 처리합니다.",
        "question_ja": "委員会は私の家族に連絡しますか。",
        "answer_ja": "あなたの同意なしに連絡することはありません。委員会は、あなたが同意しない限り、北朝鮮国内その他の場所にいる家族やあなたが言及した他の人に連絡しません。委員会は、いかなる情報を用いる前にも、あなたとご家族に対する報復の危険を評価し、その人々を特定し得る内容は除外するか墨消しします。",
    },
    {
        "key": "consent", "topic": "protection", "order": 110,
        "question_en": "What can I agree to, and can I change my mind?",
        "answer_en": "You decide separately whether your information may be used inside the commission, quoted anonymously, shared with other United Nations bodies, shared with prosecutors, or given in a public hearing. You can agree to some of these and not to others. You can withdraw your consent at any time; the commission then stops using your information for the purposes you withdrew.",
        "question_ko": "무엇에 동의할 수 있으며, 나중에 마음을 바꿀 수 있습니까?",
        "answer_ko": "여러분은 자신의 정보를 위원회 내부에서 사용하는 것, 익명으로 인용하는 것, 다른 유엔 기관과 공유하는 것, 검찰 당국과 공유하는 것, 공청회에서 증언하는 것에 대하여 각각 따로 결정합니다. 일부에만 동의하고 나머지에는 동의하지 않을 수도 있습니다. 언제든지 동의를 철회할 수 있으며, 그 경우 위원회는 철회된 목적으로 여러분의 정보를 사용하는 것을 중단합니다.",
        "question_ja": "何に同意でき、後から考えを変えることはできますか。",
        "answer_ja": "あなたは、自分の情報を委員会の内部で使うこと、匿名で引用すること、他の国連機関と共有すること、訴追機関と共有すること、公聴会で証言することについて、それぞれ別々に決めることができます。その一部にだけ同意し、他には同意しないこともできます。同意はいつでも撤回でき、その場合、委員会は撤回された目的のためにあなたの情報を使うことをやめます。",
    },
    # --- what happens to the information
    {
        "key": "what-happens", "topic": "information", "order": 120,
        "question_en": "What happens to the information I give?",
        "answer_en": "It is stored securely in the commission's confidential database and analysed together with other accounts: incidents are connected, patterns are identified, and each finding is tested against the standard of proof and the law. Public reports describe what happened without revealing who told the commission.",
        "question_ko": "제가 제공한 정보는 어떻게 됩니까?",
        "answer_ko": "정보는 위원회의 비공개 데이터베이스에 안전하게 보관되며 다른 진술과 함께 분석됩니다. 사건들을 서로 연결하고 침해의 유형을 밝히며, 각 조사 결과는 입증 기준과 법에 비추어 검토됩니다. 공개 보고서는 누가 위원회에 진술하였는지 드러내지 않고 무슨 일이 있었는지를 기술합니다.",
        "question_ja": "私が提供した情報はどうなりますか。",
        "answer_ja": "情報は委員会の非公開のデータベースに安全に保管され、他の証言とともに分析されます。事件は相互に結び付けられ、侵害の類型が特定され、各認定は証明基準と法に照らして検討されます。公表される報告書は、誰が委員会に証言したかを明らかにすることなく、何が起きたのかを記述します。",
    },
    {
        "key": "sharing", "topic": "information", "order": 130,
        "question_en": "Will my information be shared with anyone?",
        "answer_en": "Only within the limits of your informed consent and only if it is safe to do so. For example, information is shared with prosecutors only if you agreed to that purpose, and never when the risk to you or your family is too high.",
        "question_ko": "제 정보가 다른 곳과 공유됩니까?",
        "answer_ko": "충분한 정보에 근거한 여러분의 동의 범위 안에서, 그리고 안전한 경우에만 공유됩니다. 예를 들어 정보는 여러분이 그 목적에 동의한 경우에만 검찰 당국과 공유되며, 여러분이나 가족에 대한 위험이 지나치게 높은 경우에는 결코 공유되지 않습니다.",
        "question_ja": "私の情報は誰かと共有されますか。",
        "answer_ja": "十分な情報に基づくあなたの同意の範囲内で、かつ安全である場合に限って共有されます。例えば、情報が訴追機関と共有されるのは、あなたがその目的に同意した場合に限られ、あなたやご家族に対する危険が高すぎる場合には決して共有されません。",
    },
    {
        "key": "what-is-published", "topic": "information", "order": 140,
        "question_en": "What does the commission publish?",
        "answer_en": "Its report, the findings approved by the commissioners, and statistics it has decided to release. Published material never contains the names, contact details or pseudonymous codes of confidential witnesses. Where numbers cannot be counted directly, the commission publishes estimates together with their uncertainty.",
        "question_ko": "위원회는 무엇을 공개합니까?",
        "answer_ko": "보고서, 위원들이 승인한 조사 결과, 그리고 위원회가 공개하기로 결정한 통계를 공개합니다. 공개 자료에는 비공개 증인의 이름, 연락처 또는 가명 코드가 결코 포함되지 않습니다. 직접 셀 수 없는 수치에 대해서는 위원회가 추정치를 그 불확실성과 함께 공개합니다.",
        "question_ja": "委員会は何を公表するのですか。",
        "answer_ja": "報告書、委員が承認した認定、そして委員会が公表を決定した統計です。公表資料には、非公開の証人の氏名、連絡先又は仮名コードが含まれることは決してありません。直接数えることのできない数値については、委員会は推定値をその不確実性とともに公表します。",
    },
    {
        "key": "after-the-mandate", "topic": "information", "order": 150,
        "question_en": "What happens to the records when the commission's work ends?",
        "answer_en": "The confidential records are preserved under the protection of the United Nations so that they can serve future accountability. Access to them remains limited to what each witness consented to, and remains subject to the protection of witnesses and their families.",
        "question_ko": "위원회의 활동이 끝나면 기록은 어떻게 됩니까?",
        "answer_ko": "비공개 기록은 향후 책임 규명에 활용될 수 있도록 유엔의 보호 아래 보존됩니다. 기록에 대한 접근은 각 증인이 동의한 범위로 계속 제한되며, 증인과 그 가족의 보호를 전제로 합니다.",
        "question_ja": "委員会の活動が終わると、記録はどうなりますか。",
        "answer_ja": "非公開の記録は、将来の責任追及に役立てられるよう、国連の保護の下で保存されます。記録へのアクセスは引き続き各証人が同意した範囲に限られ、証人及びその家族の保護を条件とします。",
    },
]


def seed_content(Page, FaqEntry) -> dict[str, int]:  # noqa: N803 - model classes, also historical ones
    """Create the pages and questions whose key is missing; never touch existing ones. Published."""
    have_pages = set(Page.objects.values_list("key", flat=True))
    have_faq = set(FaqEntry.objects.values_list("key", flat=True))
    new_pages = [Page(published=True, **p) for p in PAGES if p["key"] not in have_pages]
    new_faq = [FaqEntry(published=True, **q) for q in FAQ if q["key"] not in have_faq]
    Page.objects.bulk_create(new_pages)
    FaqEntry.objects.bulk_create(new_faq)
    return {"pages": len(new_pages), "questions": len(new_faq)}
