"""The Arabic and Persian packs: claim polarity, place cues, page furniture and dates (sentences and
pages written for these tests, not taken from any corpus)."""
from __future__ import annotations

import pytest

from headwater.enrich.claims.claim_dates import find_claim_dates
from headwater.enrich.claims.records import find_claims, negated
from headwater.enrich.places.cues import patterns
from headwater.enrich.places.resolve import find_places
from headwater.extract.page_prompts import is_end_marker
from headwater.extract.plaintext import clean_text
from headwater.extract.solar_hijri import to_gregorian
from headwater.model import Article
from headwater.resources import Resources


@pytest.mark.parametrize(("text", "lang", "is_negated"), [
    # a denial negates the claim it reports, as "denied" does in English and "отрицает" does not need to
    ("نفت الوزارة أن تكون القوات قد دخلت المدينة", "ar", True),
    ("The ministry denied that the troops had entered the city", "en", True),
    ("لم تدخل القوات المدينة", "ar", True),
    ("Войска не вошли в город", "ru", True),
    ("دخلت القوات المدينة", "ar", False),
    ("Войска вошли в город", "ru", False),
    ("وأضاف أن الجيش لن يغادر مواقعه قرب المخيم", "ar", True),  # the conjunction written on the particle
    ("أكد الوزير عدم وجود أي قوات أجنبية في المحافظة", "ar", True),
    ("الحكومة ليست طرفا في الاتفاق", "ar", True),
    # an exceptive answers the negation: "had nothing left but to withdraw"
    ("لم يبق أمام الحكومة إلا الانسحاب من المدينة", "ar", False),
    # ... but "إلا أن" is "however": the negation before it stands
    ("ولم تحدد الحكومة موعدا للانتخابات، إلا أن مسؤولين توقعوا إجراءها قريبا", "ar", True),
    # idioms with a negation word: "especially", "still", "not only … but"
    ("ستتحسن حركة المرور في الأحياء القديمة، ولا سيما قرب الجامع الكبير", "ar", False),
    ("لا يزال الجيش منتشرا في المدينة", "ar", False),
    ("العقوبات ليس فقط على روسيا بل على أوروبا أيضا", "ar", False),
    ("تعمل منظمة غير حكومية في المخيم منذ سنوات", "ar", False),
    # "ما" is mostly "what": no negation read into it
    ("وفق ما أعلنت الوزارة، دخلت القوات المدينة صباحا", "ar", False),
])
def test_arabic_claims_get_their_polarity_as_english_and_russian_ones(text: str, lang: str, is_negated: bool) -> None:
    assert negated(text, lang) is is_negated


def test_an_arabic_articles_claims_carry_their_polarity() -> None:
    text = ("نفت وزارة الدفاع أن تكون القوات قد دخلت مدينة الحسكة صباح اليوم. "
            "وقال المتحدث باسم الوزارة إن وحدات الجيش تواصل عملها في ريف المدينة الجنوبي. "
            "وأضاف أن الجيش لم ينسحب من أي موقع في المحافظة خلال الأسبوع الماضي.")
    a = Article(source="t", title="نفي رسمي لدخول قوات أجنبية مدينة الحسكة", text=text, language="ar")
    polarity = {c["text"][:12]: c["negated"] for c in find_claims(a, None)}
    assert polarity == {"نفي رسمي لدخ": True, "نفت وزارة ال": True, "وقال المتحدث": False, "وأضاف أن الج": True}


def _places(resources: Resources, code: str, text: str) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    places, metonyms, _ = find_places(text, resources.parser(code)(text), resources.gazetteer, None, None, code)
    return [(p["surface"], p["name"]) for p in places], [(m["surface"], m["name"]) for m in metonyms]


def test_an_arabic_articles_places_resolve_and_a_seat_stays_a_metonym(resources: Resources) -> None:
    text = ("أعلنت السلطات المحلية في مدينة الموصل أن العمل على الجسر الجديد فوق نهر دجلة سينتهي قريبا. "
            "وأضافت أن المدينة ستستقبل الزوار في الربيع، بينما تستمر الأعمال في محافظة البصرة. "
            "وفي واشنطن، قال البيت الأبيض إنه يتابع المشروع عن كثب.")
    places, metonyms = _places(resources, "ar", text)
    assert {("الموصل", "Mosul"), ("البصرة", "Basrah"), ("نهر دجلة", "Tigris")} <= set(places)
    # a kind of place alone is the common noun: "مدينة" (a city), "المدينة" (the city) are no Medina
    assert not any(s in ("مدينة", "المدينة") for s, _ in places)
    assert ("البيت الأبيض", "White House") in metonyms and "البيت الأبيض" not in {s for s, _ in places}


@pytest.mark.parametrize(("before", "cue"), [
    ("القتال في محافظة ", True),   # a kind of place before the name, in construct
    ("بمدينة ", True),             # ... with the preposition written on it
    ("وصل إلى العاصمة ", True),    # ... in apposition
    ("قال الوزير ", False),        # words that say nothing of a place
])
def test_arabic_place_cues(before: str, cue: bool) -> None:
    assert bool(patterns()[0].search(before)) is cue


ARABIC_PAGE = """وزير الزراعة يعلن خطة جديدة لدعم مزارعي القمح

أعلن وزير الزراعة يوم الاثنين خطة جديدة لدعم مزارعي القمح في المحافظات الشرقية، تشمل توزيع البذور \
والأسمدة بأسعار مخفضة على أكثر من عشرين ألف مزارع.

اقرأ أيضا: ارتفاع أسعار الخبز في الأسواق المحلية

وقال الوزير في مؤتمر صحفي إن الخطة ستنفذ على ثلاث مراحل تبدأ في الخريف المقبل، وإن الحكومة خصصت لها ميزانية كبيرة.

شارك هذا الخبر مع أصدقائك على فيسبوك وتويتر

تابعونا على قناتنا في تلغرام لمعرفة آخر الأخبار

اشترك في العملية أكثر من مئة مهندس، وشارك هذا العام عدد كبير من المزارعين في حملة الحصاد الوطنية.

جميع الحقوق محفوظة © 2024

وفي خبر آخر، افتتحت وزارة الصحة مستشفى جديدا في المدينة الساحلية يضم أكثر من مئتي سرير وعشرات الأطباء."""


def test_arabic_page_furniture_is_cut_and_the_body_kept() -> None:
    cleaned = clean_text(ARABIC_PAGE)
    body = cleaned.text.split("\n\n")
    assert [line.split()[0] for line in body] == ["أعلن", "وقال", "اشترك"]  # "took part": a news verb
    assert not any(w in cleaned.text for w in ("اقرأ أيضا", "شارك هذا الخبر", "تابعونا", "جميع الحقوق"))
    # from the copyright notice on, nothing is the article's: the teaser of another story after it goes
    assert "مستشفى" not in cleaned.text
    assert is_end_marker("جميع الحقوق محفوظة © 2024") and not is_end_marker("قال الوزير إن الحقوق مصانة")


@pytest.mark.parametrize(("solar", "gregorian"), [
    ((1402, 1, 1), "2023-03-21"),    # Nowruz, the equinox day
    ((1403, 1, 1), "2024-03-20"),    # ... a day earlier after a leap year
    ((1402, 11, 22), "2024-02-11"),  # the revolution's anniversary
    ((1402, 11, 25), "2024-02-14"),
    ((1402, 12, 10), "2024-02-29"),  # a Gregorian leap day
    ((1403, 12, 30), "2025-03-20"),  # the 30th of Esfand of a leap year
    ((1357, 11, 22), "1979-02-11"),
    ((1300, 1, 1), "1921-03-21"),
])
def test_solar_hijri_dates_convert_exactly(solar: tuple[int, int, int], gregorian: str) -> None:
    assert to_gregorian(*solar).isoformat() == gregorian


def test_a_solar_hijri_day_that_does_not_exist_is_refused() -> None:
    for bad in ((1402, 12, 30), (1402, 7, 31), (1402, 13, 1), (1402, 1, 0)):
        with pytest.raises(ValueError):
            to_gregorian(*bad)


@pytest.mark.parametrize(("text", "dates"), [
    ("تهران، ۲۵ بهمن ۱۴۰۲ - سخنگوی وزارت امور خارجه روز سه‌شنبه اعلام کرد",
     [("۲۵ بهمن ۱۴۰۲", "2024-02-14"), ("روز سه‌شنبه", "2024-03-26")]),
    ("خط لوله در 10 اسفند 1402 افتتاح شد", [("10 اسفند 1402", "2024-02-29")]),  # digits of either script
    ("سیل ۵ فروردین خسارت زد", [("۵ فروردین", "2024-03-24")]),  # no year: the latest before publication
    ("نشست روز ۲۲ فوریه ۲۰۲۴ برگزار شد", [("۲۲ فوریه ۲۰۲۴", "2024-02-22")]),  # a Gregorian month in Persian
    ("سه روز پیش در تهران باران بارید", [("سه روز پیش", "2024-03-28")]),
    ("دو سال پیش قرارداد امضا شد", [("دو سال پیش", "2022")]),  # two years ago, not last year
])
def test_persian_dates_in_both_calendars(text: str, dates: list[tuple[str, str]]) -> None:
    found = find_claim_dates(text, "fa", "2024-03-31")
    assert [(d.text, d.date) for d in found] == dates
    assert all(text[d.start:d.end] == d.text for d in found)


def test_a_persian_articles_publication_date_from_its_solar_hijri_dateline() -> None:
    from headwater.extract import extract_article
    from headwater.extract.language import LanguageDetector
    from headwater.extract.outlets import OutletRegistry
    from headwater.model import RawInput

    raw = ("سیل در خوزستان\n\nاهواز، ۱۲ فروردین ۱۴۰۳ - بارش شدید باران در استان خوزستان از روز جمعه موجب جاری "
           "شدن سیل در چند شهرستان شد و مدارس شهر اهواز روز شنبه تعطیل شدند. مدیرکل مدیریت بحران استان به "
           "خبرنگاران گفت که آب رودخانه کارون در برخی مناطق از بستر خود خارج شده است.")
    a = extract_article(RawInput(source="t.txt", kind="text", content=raw), OutletRegistry([]), LanguageDetector())
    assert (a.language, a.published, a.published_evidence) == ("fa", "2024-03-31", "۱۲ فروردین ۱۴۰۳")


@pytest.mark.parametrize(("text", "is_negated"), [
    ("هیئت ایرانی در نشست ژنو شرکت نمی‌کند", True),  # the prefix written apart by the non-joiner
    ("این تصمیم نهایی نیست", True),
    ("ایران هرگز طرف این جنگ نبوده است", True),
    ("سخنگوی وزارت خارجه گزارش‌ها را رد کرد", True),  # a denial, as "denied"
    ("وزیر امور خارجه روز پنجشنبه به مسکو سفر خواهد کرد", False),
    ("او نیز گفت که جلسه برگزار شد", False),  # "نیز" (also) is no negation
    ("این طرح نه تنها برای استان بلکه برای کل کشور اهمیت دارد", False),  # not only … but
    ("نه نفر در این حادثه زخمی شدند", False),  # nine people
    ("ایران چاره‌ای جز مذاکره ندارد", False),  # no choice but: the exceptive before the verb
])
def test_persian_claims_get_their_polarity(text: str, is_negated: bool) -> None:
    assert negated(text, "fa") is is_negated


def test_persian_places_kinds_weekdays_and_a_seat(resources: Resources) -> None:
    text = ("سیل در چند شهرستان استان خوزستان جاری شد و آب رودخانه کارون به شهر اهواز رسید. "
            "مدارس شوشتر تا روز دوشنبه تعطیل است. کاخ سفید اعلام کرد که وضعیت را دنبال می‌کند.")
    places, metonyms = _places(resources, "fa", text)
    assert ("اهواز", "Ahvaz") in places
    # a kind of place alone, and a weekday, are no towns: شهرستان (county), دوشنبه (Monday, also Dushanbe's name)
    assert not any(s in ("شهرستان", "دوشنبه") for s, _ in places)
    # Persian writes no preposition on the word: "باران" (rain) is no "ب" + Aran, "وارد" no "و" + a town
    rain = "بارش شدید باران در شهر اهواز خسارت زیادی به کشاورزان منطقه وارد کرد."
    assert [s for s, _ in _places(resources, "fa", rain)[0]] == ["اهواز"]
    assert ("کاخ سفید", "White House") in metonyms


def test_arabic_and_persian_digits_and_separators_are_numbers() -> None:
    from headwater.enrich.numbers import find_quantities
    from headwater.link.contradictions import _counts

    assert _counts("قتل ١٬٢٠٠ مدني في القصف", "ar") == {"مدني": (1200, 4, 9)}
    assert _counts("۱۲۰ خانواده منتقل شدند", "fa") == {"خانواده": (120, 0, 3)}
    assert [(q.text, q.value) for q in find_quantities("۱٬۲۰۰ نفر")] == [("۱٬۲۰۰", 1200)]
    a = Article(source="t", title="", text="أرسل المركز ٣٠ شاحنة و١٬٢٠٠ طن من المساعدات إلى المدينة الساحلية.",
                language="ar")
    (claim,) = find_claims(a, None)
    assert claim["numbers"] == ["٣٠", "١٬٢٠٠"]


def test_persian_page_furniture_is_cut_and_the_body_kept() -> None:
    page = ("سفر وزیر خارجه به آنکارا\n\n"
            "وزیر امور خارجه روز دوشنبه برای دیدار با همتای ترک خود به آنکارا سفر کرد و درباره تجارت مرزی گفتگو کرد.\n\n"
            "بیشتر بخوانید: افزایش صادرات گاز به ترکیه\n\n"
            "ما را در تلگرام دنبال کنید\n\n"
            "سخنگوی وزارت گفت که ایران تمامی حقوق خود را در این مذاکرات حفظ می‌کند و توافق تازه‌ای امضا نشده است.\n\n"
            "تمامی حقوق این سایت محفوظ است.\n\n"
            "در خبری دیگر، بارش برف در استان اردبیل موجب بسته شدن چند جاده روستایی در شمال غرب کشور شد.")
    body = clean_text(page).text.split("\n\n")
    assert [line.split()[0] for line in body] == ["وزیر", "سخنگوی"]  # "تمامی حقوق خود" is the article's


@pytest.mark.parametrize(("code", "text", "surface", "name"), [
    ("ar", "وصلت التعزيزات إلى محافظة نينوى شمال العراق أمس.", "نينوى", "Ninawa"),
    ("ar", "وزعت المساعدات على الأسر في محافظة عكار شمال لبنان.", "عكار", "Aakkar"),
    ("fa", "بارش باران در استان خوزستان ادامه دارد.", "خوزستان", "Khuzestan"),
    ("ar", "وصل الوفد إلى واشنطن صباح اليوم للقاء المسؤولين.", "واشنطن", "Washington, D.C."),
])
def test_divisions_and_a_capital_named_in_arabic_script(resources: Resources, code: str, text: str, surface: str,
                                                        name: str) -> None:
    places, _ = _places(resources, code, text)
    assert (surface, name) in places


def test_an_arabic_claim_reported_by_a_denial_is_negated() -> None:
    text = "نفت وزارة الدفاع أن تكون القوات الأجنبية قد دخلت مدينة الحسكة صباح اليوم."
    claim = "تكون القوات الأجنبية قد دخلت مدينة الحسكة صباح اليوم"
    assert negated(claim, "ar", "نفت") and negated(claim, "ar", "ونفت")
    assert not negated(claim, "ar", "قالت")
    a = Article(source="t", title="", text=text, language="ar")
    s = text.index(claim)
    a.attributions = [{"start": s, "end": s + len(claim), "claim": claim, "quote": False, "cue": "نفت",
                       "cue_start": 0, "sources": [{"name": "وزارة الدفاع", "kind": "organization"}]}]
    (found,) = [c for c in find_claims(a, None) if c["kind"] == "attributed"]
    assert found["negated"] is True


@pytest.mark.parametrize(("text", "source"), [
    ("وقتل ثلاثة مدنيين في قصف على قرية كفرنبل، بحسب ما ذكر الدفاع المدني السوري.", "الدفاع المدني السوري"),
    ("وأصيب خمسة آخرون في الغارة على البلدة، حسب ما أفادت مصادر طبية.", "مصادر طبية"),
])
def test_according_to_what_a_source_said_names_the_source(text: str, source: str, resources: Resources) -> None:
    from .multilingual import attributions as attributions_in

    # "بحسب ما ذكر X" (according to what X said): the speaker was "ما ذكر X"
    assert [s["name"] for a in attributions_in(resources, "ar", text) for s in a["sources"]] == [source]


def test_arabic_naql_moves_people_unless_it_relays(resources: Resources) -> None:
    from .multilingual import attributions as attributions_in

    # "نقل" relays news ("نقلت الوكالة عن مسؤول قوله إن …") and moves people or goods: as a deed, no one speaks
    moved = attributions_in(resources, "ar", "ونقلت الطائرات المساعدات إلى المدينة المحاصرة صباح اليوم.")
    assert all(not a["sources"] for a in moved)  # was "the planes the aid" telling "to the besieged city"
    relayed = attributions_in(resources, "ar", "ونقلت الوكالة عن مسؤول قوله إن المفاوضات ستستأنف الأسبوع المقبل في جنيف.")
    assert [s["name"] for a in relayed for s in a["sources"]][:1] == ["الوكالة"]


@pytest.mark.parametrize(("text", "source", "claim"), [
    # an according phrase set off by Arabic commas inside the sentence: the claim runs through it
    ("ونقلت القوات الأمريكية، بحسب المصادر ذاتها، عشرات المعتقلين من سجن غويران إلى قاعدة التنف.", "المصادر ذاتها",
     "ونقلت القوات الأمريكية، بحسب المصادر ذاتها، عشرات المعتقلين من سجن غويران إلى قاعدة التنف"),
    # ...and opening it: the claim starts after the Arabic comma, not with it
    ("وفقا لوزارة الدفاع الروسية، قصفت الطائرات مواقع المسلحين في ريف حماة.", "وزارة الدفاع الروسية",
     "قصفت الطائرات مواقع المسلحين في ريف حماة"),
])
def test_arabic_commas_bound_an_according_phrase(text: str, source: str, claim: str, resources: Resources) -> None:
    from .multilingual import attributions as attributions_in

    found = [a for a in attributions_in(resources, "ar", text) if a["sources"]]
    assert [(a["sources"][0]["name"], a["claim"]) for a in found] == [(source, claim)]


@pytest.mark.parametrize(("text", "expected"), [
    ("وقال المتحدث إن القوات لم تدخل المدينة، فيما ذكرت وكالة سانا أن الاشتباكات استمرت حتى الصباح.",
     [("المتحدث", "القوات لم تدخل المدينة"), ("وكالة سانا", "الاشتباكات استمرت حتى الصباح")]),
    ("وقال المتحدث إن القوات لم تدخل المدينة، وأكد وزير الدفاع أن الاشتباكات انتهت مساء أمس.",
     [("المتحدث", "القوات لم تدخل المدينة"), ("وزير الدفاع", "الاشتباكات انتهت مساء أمس")]),
    # the same speaker going on, unnamed: one claim holding both, as before
    ("ونفت الوزارة أن تكون القوات قد دخلت المدينة، وأضافت أنها لن تسمح بذلك.",
     [("الوزارة", "تكون القوات قد دخلت المدينة، وأضافت أنها لن تسمح بذلك")]),
])
def test_a_second_statement_in_an_arabic_sentence_is_its_speakers(text: str, expected: list[tuple[str, str]],
                                                                  resources: Resources) -> None:
    from .multilingual import attributions as attributions_in

    found = [(a["sources"][0]["name"], a["claim"]) for a in attributions_in(resources, "ar", text) if a["sources"]]
    assert found == expected  # the first claim ran on over the second statement
