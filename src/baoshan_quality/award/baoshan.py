"""宝府规〔2023〕3号 as data: :data:`BAOSHAN_2023`, the scheme every rule applies by default.

Each table below is one article of 上海市宝山区政府质量奖管理办法 (the Measures), row for
row, with the article's words beside it; the rules read them through the scheme
(``scheme=None`` means this one).  A next edition, or a neighbouring district's
measures, is another value of the same shape — written in Python like this module, or
in JSON (``from_json(text, AwardScheme)``; ``to_json(BAOSHAN_2023, indent=2)`` is a
template) — not new code.

>>> BAOSHAN_2023.document.number
'宝府规〔2023〕3号'
>>> [(r.award_class, r.track, r.maximum) for r in BAOSHAN_2023.quotas]
[('mayor', 'model', 2), ('mayor', 'achievement', 1), ('gold', 'model', 10), ('gold', 'achievement', 2)]
>>> [r.key for r in BAOSHAN_2023.conditions_for(ApplicantKind.INDIVIDUAL)]
['art3', 'art15.1', 'art15.2', 'art15.3', 'art15.4']
"""

from __future__ import annotations

import datetime

from baoshan_quality.award.parts import (
    ApplicantKind,
    AwardClass,
    ConditionRow,
    FactRef,
    Judgement,
    PrizeItem,
    PrizeRow,
    QuotaRow,
    SchemeTerm,
    TermUnit,
    Track,
    ValiditySpan,
)
from baoshan_quality.award.records import GovernmentAwardLevel
from baoshan_quality.award.scheme import AwardScheme
from baoshan_quality.citations import Citation, Document
from baoshan_quality.errors import InvalidInputError

__all__ = ["BAOSHAN_2023"]

ORG, PERSON = ApplicantKind.ORGANISATION, ApplicantKind.INDIVIDUAL
ALL, ANY = Judgement.ALL_HOLD, Judgement.ANY_HOLDS
YEARS, LOOKBACK = Judgement.AT_LEAST_YEARS, Judgement.NONE_WITHIN_LOOKBACK

# --- Art. 2: 设“宝山区区长质量奖”“宝山区质量金奖”两个类别，均分为“先进质量管理模式”和
# “先进质量管理成果”。组织可申报先进质量管理模式，个人可申报先进质量管理成果。
# (1) 区长质量奖是本区最高质量荣誉 — classes are listed highest first.

MAYOR = AwardClass(code="mayor", zh="区长质量奖", en="District Mayor's Quality Award",
                   clause="Art. 2(1)")  # fmt: skip
GOLD = AwardClass(code="gold", zh="质量金奖", en="Quality Gold Award", clause="Art. 2(2)")
MODEL = Track(code="model", zh="先进质量管理模式", en="advanced quality management model",
              applicant=ORG, clause="Art. 2")  # fmt: skip
ACHIEVEMENT = Track(code="achievement", zh="先进质量管理成果",
                    en="advanced quality management achievement", applicant=PERSON,
                    clause="Art. 2")  # fmt: skip


def _fact(name: str, zh: str, en: str, *, holds_if: bool = True) -> FactRef:
    return FactRef(name=name, zh=zh, en=en, holds_if=holds_if)


# --- Art. 3 (评奖对象), Art. 14 (组织：必须同时具备下列基本条件 … 有下列情况之一者，不得申请),
# Art. 15 (个人：必须同时具备下列条件): one row per condition, in the articles' order.

CONDITIONS = (
    # Art. 3: 本办法所称的组织是指依法在宝山区注册登记，开展经济和社会活动的各类组织
    ConditionRow(
        key="art3", applicant=ORG, clause="Art. 3", judged=ALL,
        facts=[
            _fact("registered_in_baoshan", "依法在宝山区注册登记",
                  "registered in Baoshan according to law"),
            _fact("carries_on_activities", "开展经济和社会活动",
                  "carries on economic and social activities"),
        ],
        zh="属本办法所称的组织：依法在宝山区注册登记，开展经济和社会活动。",
        en="An organisation in the sense of the Measures: registered in Baoshan, carrying on "
        "economic and social activities.",
    ),
    # Art. 14(1): 在本区登记、注册，正常运行三年以上 — two parts of one condition
    ConditionRow(
        key="art14.1", applicant=ORG, clause="Art. 14(1)", judged=ALL,
        facts=[
            _fact("registered_in_baoshan", "在本区登记、注册", "registered in the district"),
            _fact("operating_normally", "正常运行", "operating normally"),
        ],
        zh="在本区登记、注册并正常运行。",
        en="Registered in the district and operating normally.",
    ),
    ConditionRow(
        key="art14.1", applicant=ORG, clause="Art. 14(1)", judged=YEARS, term="operating",
        facts=[_fact("registered_on", "在本区登记、注册之日", "the day of registration in the district")],
        zh="正常运行三年以上。",
        en="Operating normally for three years or more.",
    ),
    # Art. 14(2): 符合本市和区域有关产业导向、环境保护、节能减排、安全生产、质量等法律法规及
    # 政策要求，具备相关资质或证照
    ConditionRow(
        key="art14.2", applicant=ORG, clause="Art. 14(2)", judged=ALL,
        facts=[
            _fact("meets_legal_requirements",
                  "符合本市和区域有关产业导向、环境保护、节能减排、安全生产、质量等法律法规及政策要求",
                  "meets the municipal and district law and policy on industry, environment, "
                  "energy saving, work safety and quality"),
            _fact("holds_required_licences", "具备相关资质或证照",
                  "holds the required qualifications or licences"),
        ],
        zh="符合法律法规及政策要求，具备相关资质或证照。",
        en="Meets the law and policy requirements and holds the required licences.",
    ),
    # Art. 14(3): 质量管理工作具有行业特色、企业特点，具有标杆示范意义。追求卓越，持续改进效果
    # 突出，具有良好的成长性
    ConditionRow(
        key="art14.3", applicant=ORG, clause="Art. 14(3)", judged=ALL,
        facts=[
            _fact("exemplary_quality_management",
                  "质量管理工作具有行业特色、企业特点和标杆示范意义，追求卓越，持续改进效果突出，"
                  "具有良好的成长性",
                  "quality management with sector and company character and benchmark value, "
                  "pursuing excellence with marked continual improvement and good growth"),
        ],
        zh="质量管理工作具有标杆示范意义，持续改进效果突出。",
        en="Quality management of benchmark value with marked continual improvement.",
    ),
    # Art. 14(4): 具有卓越的经营绩效，近三年来主要经济、社会效益指标和质量水平处于本区领先地位，
    # 对地区转型发展和创新驱动贡献率处于前列
    ConditionRow(
        key="art14.4", applicant=ORG, clause="Art. 14(4)", judged=ALL,
        facts=[
            _fact("leading_performance",
                  "近三年来主要经济、社会效益指标和质量水平处于本区领先地位，对地区转型发展和创新"
                  "驱动贡献率处于前列",
                  "over the last three years, leading economic, social and quality results in "
                  "the district and a front-rank contribution to transformation and innovation"),
        ],
        zh="具有卓越的经营绩效，近三年来处于本区领先地位。",
        en="Excellent performance, leading in the district over the last three years.",
    ),
    # Art. 14(5): 积极实施首席质量官制度，严格落实质量主体责任
    ConditionRow(
        key="art14.5", applicant=ORG, clause="Art. 14(5)", judged=ALL,
        facts=[
            _fact("chief_quality_officer_system", "积极实施首席质量官制度",
                  "actively runs a chief quality officer system"),
            _fact("fulfils_quality_responsibility", "严格落实质量主体责任",
                  "strictly fulfils its responsibility for quality"),
        ],
        zh="积极实施首席质量官制度，严格落实质量主体责任。",
        en="Runs a chief quality officer system and fulfils its responsibility for quality.",
    ),
    # Art. 14 para 2(1): 近三年因违反环境保护、质量技术等法律、法规受到过严重的行政处罚，
    # 或被责令整改后拒不整改或整改不达标的 (R26: 近三年 governs both halves)
    ConditionRow(
        key="art14.exclusion.1", applicant=ORG, clause="Art. 14 para 2(1)", judged=LOOKBACK,
        term="organisation_lookback",
        facts=[
            _fact("serious_penalties", "因违反环境保护、质量技术等法律、法规受到的严重行政处罚",
                  "serious administrative penalty for breaching environmental, "
                  "quality-technical or similar law"),
            _fact("failed_rectifications", "被责令整改后拒不整改或整改不达标",
                  "refusal or failure to rectify after an order"),
        ],
        zh="近三年未因违反环境保护、质量技术等法律、法规受到严重的行政处罚，未有被责令整改后"
        "拒不整改或整改不达标的情况。",
        en="In the last three years, no serious administrative penalty and no refusal or "
        "failure to rectify.",
    ),
    # Art. 14 para 2(2): 近三年有重大社会影响的质量安全、生产安全、环境污染、公共卫生等事故
    # （按行业规定）；因组织责任导致的重大用户（顾客）投诉
    ConditionRow(
        key="art14.exclusion.2", applicant=ORG, clause="Art. 14 para 2(2)", judged=LOOKBACK,
        term="organisation_lookback",
        facts=[
            _fact("major_incidents",
                  "重大社会影响的质量安全、生产安全、环境污染、公共卫生等事故（按行业规定）",
                  "major incident of social impact (quality safety, production safety, "
                  "pollution, public health or similar, as the sector's rules define it)"),
            _fact("major_complaints", "因组织责任导致的重大用户（顾客）投诉",
                  "major customer complaint caused by the organisation"),
        ],
        zh="近三年无重大社会影响的事故（按行业规定），无因组织责任导致的重大用户（顾客）投诉。",
        en="In the last three years, no major incident of social impact and no major customer "
        "complaint caused by the organisation.",
    ),
    # Art. 14 para 2(3): 其他严重违反法律法规、规章和其它规定的行为 (no time limit, R26)
    ConditionRow(
        key="art14.exclusion.3", applicant=ORG, clause="Art. 14 para 2(3)", judged=ALL,
        facts=[
            _fact("other_serious_violations", "无其他严重违反法律法规、规章和其它规定的行为",
                  "no other serious breach of laws, regulations, rules or other provisions",
                  holds_if=False),
        ],
        zh="无其他严重违反法律法规、规章和其它规定的行为。",
        en="No other serious breach of laws, regulations, rules or other provisions.",
    ),
    # Art. 3: 本办法所称的个人是指在宝山区从事质量工作或者为宝山区质量工作做出贡献的自然人
    ConditionRow(
        key="art3", applicant=PERSON, clause="Art. 3", judged=ANY,
        facts=[
            _fact("works_in_baoshan_quality", "在宝山区从事质量工作",
                  "does quality work in Baoshan"),
            _fact("contributes_to_baoshan_quality", "为宝山区质量工作做出贡献",
                  "has contributed to quality work in Baoshan"),
        ],
        zh="属本办法所称的个人",
        en="An individual in the sense of the Measures",
        failed_zh="既不在宝山区从事质量工作，也未为宝山区质量工作做出贡献。",
        failed_en="Neither does quality work in Baoshan nor has contributed to it.",
    ),
    # Art. 15(1): 从事质量相关工作五年以上
    ConditionRow(
        key="art15.1", applicant=PERSON, clause="Art. 15(1)", judged=YEARS, term="quality_work",
        facts=[_fact("quality_work_since", "开始从事质量相关工作之日",
                     "the day quality-related work began")],
        zh="从事质量相关工作五年以上。",
        en="Five years or more of quality-related work.",
    ),
    # Art. 15(2): 具有卓有成效的质量管理理论研究成果或丰富的实践经验，为提高质量做出了突出贡献
    ConditionRow(
        key="art15.2", applicant=PERSON, clause="Art. 15(2)", judged=ALL,
        facts=[
            _fact("outstanding_contribution",
                  "具有卓有成效的质量管理理论研究成果或丰富的实践经验，为提高质量做出了突出贡献",
                  "effective quality-management research or rich practical experience, with "
                  "an outstanding contribution to quality"),
        ],
        zh="为提高质量做出了突出贡献。",
        en="Has made an outstanding contribution to quality.",
    ),
    # Art. 15(3): 恪守职业道德和社会公德，未发生严重违反法律法规的行为
    ConditionRow(
        key="art15.3", applicant=PERSON, clause="Art. 15(3)", judged=ALL,
        facts=[
            _fact("professional_ethics", "恪守职业道德和社会公德",
                  "keeps professional and social ethics"),
            _fact("serious_violations", "未发生严重违反法律法规的行为",
                  "no serious breach of laws and regulations", holds_if=False),
        ],
        zh="恪守职业道德和社会公德，未发生严重违反法律法规的行为。",
        en="Keeps professional and social ethics; no serious breach of law.",
    ),
    # Art. 15(4): 个人所属的组织近三年内无重大社会影响的质量安全、安全生产、环境污染、
    # 公共卫生等事故
    ConditionRow(
        key="art15.4", applicant=PERSON, clause="Art. 15(4)", judged=LOOKBACK,
        term="member_organisation_lookback",
        facts=[
            _fact("organisation_major_incidents",
                  "个人所属组织的重大社会影响的质量安全、安全生产、环境污染、公共卫生等事故",
                  "major incident of social impact in the person's organisation"),
        ],
        zh="个人所属的组织近三年内无重大社会影响的事故。",
        en="No major incident of social impact in the person's organisation in the last "
        "three years.",
    ),
)  # fmt: skip

# --- Art. 7: 每届获得宝山区区长质量奖的先进质量管理模式不超过2个、先进质量管理成果不超过1个，
# 获得宝山区质量金奖的先进质量管理模式不超过10个、先进质量管理成果不超过2个，所有奖项均可空缺。

QUOTAS = (
    QuotaRow(award_class="mayor", track="model", maximum=2, may_be_vacant=True, clause="Art. 7"),
    QuotaRow(award_class="mayor", track="achievement", maximum=1, may_be_vacant=True,
             clause="Art. 7"),
    QuotaRow(award_class="gold", track="model", maximum=10, may_be_vacant=True, clause="Art. 7"),
    QuotaRow(award_class="gold", track="achievement", maximum=2, may_be_vacant=True,
             clause="Art. 7"),
)  # fmt: skip

# --- Art. 19: 区长奖模式 奖牌、证书（标明获奖年度）和奖金不超过五十万元；区长奖成果 奖杯、
# 证书和奖金不超过二万元；金奖模式 奖牌、证书和奖励不超过十万元；金奖成果 奖杯、证书和奖金
# 不超过一万元 (奖励 read as money, as the other three).

_PLAQUE, _TROPHY, _CERTIFICATE = PrizeItem.PLAQUE, PrizeItem.TROPHY, PrizeItem.CERTIFICATE
PRIZES = (
    PrizeRow(award_class="mayor", track="model", cash_cap=500_000, items=(_PLAQUE, _CERTIFICATE),
             certificate_marks_award_year=True, clause="Art. 19"),
    PrizeRow(award_class="mayor", track="achievement", cash_cap=20_000,
             items=(_TROPHY, _CERTIFICATE), certificate_marks_award_year=True, clause="Art. 19"),
    PrizeRow(award_class="gold", track="model", cash_cap=100_000, items=(_PLAQUE, _CERTIFICATE),
             certificate_marks_award_year=True, clause="Art. 19"),
    PrizeRow(award_class="gold", track="achievement", cash_cap=10_000,
             items=(_TROPHY, _CERTIFICATE), certificate_marks_award_year=True, clause="Art. 19"),
)  # fmt: skip


def _years(count: int, clause: str, zh: str, en: str) -> SchemeTerm:
    return SchemeTerm(count=count, unit=TermUnit.YEARS, clause=clause, zh=zh, en=en)


#: 宝府规〔2023〕3号 — the Baoshan District Government Quality Award, 2023 edition.
BAOSHAN_2023: AwardScheme = AwardScheme(
    key="baoshan-2023",
    document=Document.MEASURES,
    district_zh="宝山区",
    level=GovernmentAwardLevel.DISTRICT,
    classes=(MAYOR, GOLD),
    tracks=(MODEL, ACHIEVEMENT),
    conditions=CONDITIONS,
    # Art. 5: 每两年评选一届，其中一年为培育孵化年，一年为评选年。具体安排以当年工作方案为准。
    cycle=_years(2, "Art. 5", "每两年评选一届，其中一年为培育孵化年，一年为评选年",
                 "one edition every two years: an incubation year and an evaluation year"),
    # R10: not in the text — the 5th edition was presented on 2024-04-23 (People's Daily,
    # Shanghai edition, report of that day), so 2023 was an evaluation year.
    cycle_anchor=2023,
    quotas=QUOTAS,
    # Art. 12(2): 具有五年以上的质量管理、专业技术工作经历
    reviewer_experience=_years(
        5, "Art. 12(2)", "具有五年以上的质量管理、专业技术工作经历",
        "five years or more of quality-management or professional-technical work"),
    operating=_years(3, "Art. 14(1)", "在本区登记、注册，正常运行三年以上",
                     "registered in the district and operating normally for three years or more"),
    organisation_lookback=_years(3, "Art. 14", "近三年（经营绩效及不得申请的情形）",
                                 "the last three years (performance and the exclusions)"),
    quality_work=_years(5, "Art. 15(1)", "从事质量相关工作五年以上",
                        "five years or more of quality-related work"),
    member_organisation_lookback=_years(
        3, "Art. 15(4)", "个人所属的组织近三年内无重大事故",
        "no major incident in the individual's organisation in the last three years"),
    reapplication_bar=_years(
        3, "Art. 16", "获得先进质量管理模式或成果后3年内不得申报同一类奖项",
        "no application for the same kind of award within 3 years of winning"),
    notice=SchemeTerm(count=5, unit=TermUnit.WORKING_DAYS, clause="Art. 18(7)",
                      zh="拟获奖名单向社会进行不少于5个工作日的公示",
                      en="the proposed winners are publicly noticed for at least 5 working days"),
    prizes=PRIZES,
    reporting=_years(3, "Art. 23", "获奖后3年内，应每年如实填写《宝山区政府质量奖质量绩效表》",
                     "for 3 years after winning, a quality performance form every year"),
    revocation_bar=_years(3, "Art. 25", "取消荣誉资格的，三年内不再受理其申请",
                          "after a revocation, no application is accepted for three years"),
    retention=_years(10, "Art. 27", "申报评审材料一般保存10年",
                     "application and review records are generally kept 10 years"),
    # Art. 28: 自2023年8月1日起实施，有效期至2028年7月31日，2023年4月27日到7月31日之间参照执行
    validity=ValiditySpan(
        by_reference_from=datetime.date(2023, 4, 27),
        in_force_from=datetime.date(2023, 8, 1),
        in_force_until=datetime.date(2028, 7, 31),
        clause="Art. 28",
    ),
)  # fmt: skip


def resolve_scheme(scheme: AwardScheme | None, citation: Citation | None = None) -> AwardScheme:
    """The scheme a rule applies: ``None`` means :data:`BAOSHAN_2023`.

    Anything but an :class:`~baoshan_quality.award.scheme.AwardScheme` is refused,
    naming ``citation`` when given.
    """
    if scheme is None:
        return BAOSHAN_2023
    if not isinstance(scheme, AwardScheme):
        raise InvalidInputError.about("scheme", scheme, "expected an AwardScheme", citation)
    return scheme
