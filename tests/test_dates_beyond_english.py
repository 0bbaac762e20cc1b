"""Dates news states in Russian, Portuguese, Bulgarian and English beyond full dates: relative ones
anchored to the publication date, years and months alone, day ranges (hand-written sentences, no corpus)."""
from __future__ import annotations

import pytest

from headwater.enrich.claims.claim_dates import find_claim_dates

PUB = "2024-07-03"  # a Wednesday

# (language, sentence, the date's surface, its value, its basis, a range's last day)
FOUND = [
    ("ru", "Накануне, в Казани, министр выступил с речью.", "Накануне", "2024-07-02", "inferred", None),
    ("ru", "Министр накануне заявил о новых переговорах.", "накануне", "2024-07-02", "inferred", None),
    # the eve before a subject and its verb: the subject's first word ends like no genitive
    ("ru", "Накануне премьер-министр Словакии Иван Новак попросил о встрече.", "Накануне", "2024-07-02", "inferred",
     None),
    ("ru", "Накануне американский сенатор анонсировал поездку.", "Накануне", "2024-07-02", "inferred", None),
    ("ru", "Накануне Петров заявил о поддержке.", "Накануне", "2024-07-02", "inferred", None),
    # a period in the accusative after "за", "на"
    ("ru", "За этот год завод выпустил сто машин.", "За этот год", "2024", "inferred", None),
    ("ru", "Доход вырос за прошлый месяц.", "за прошлый месяц", "2024-06", "inferred", None),
    ("ru", "Бюджет на будущий год не принят.", "на будущий год", "2025", "inferred", None),
    # a year by its last two digits, and a year's ordinal ending that belongs to it
    ("ru", "Они требуют вернуться к границам 91-го года.", "91-го года", "1991", "inferred", None),
    ("ru", "Мост взорвали в марте 2023-го, сообщили власти.", "марте 2023-го", "2023-03", "explicit", None),
    ("ru", "Завод построили два года назад на окраине.", "два года назад", "2022", "inferred", None),
    ("ru", "Месяц назад мост закрыли на ремонт.", "Месяц назад", "2024-06", "inferred", None),
    ("ru", "Учения прошли 1-3 марта 2023 года под Псковом.", "1-3 марта 2023 года", "2023-03-01", "explicit",
     "2023-03-03"),
    ("ru", "Форум пройдёт 10–12 июня в Сочи.", "10–12 июня", "2024-06-10", "inferred", "2024-06-12"),
    ("ru", "Учения пройдут с 1 по 3 марта под Псковом.", "1 по 3 марта", "2024-03-01", "inferred", "2024-03-03"),
    ("pt", "Os exercícios foram de 1 a 3 de março.", "1 a 3 de março", "2024-03-01", "inferred", "2024-03-03"),
    ("bg", "Ученията бяха от 1 до 3 март край Варна.", "1 до 3 март", "2024-03-01", "inferred", "2024-03-03"),
    ("pt", "O ministro falou na segunda-feira em Lisboa.", "na segunda-feira", "2024-07-01", "inferred", None),
    ("pt", "A ponte caiu há três dias no norte.", "há três dias", "2024-06-30", "inferred", None),
    ("pt", "Os preços subiram no mês passado.", "no mês passado", "2024-06", "inferred", None),
    ("pt", "A lei foi aprovada em março de 2022.", "março de 2022", "2022-03", "explicit", None),
    ("pt", "Ontem o governo recuou.", "Ontem", "2024-07-02", "inferred", None),
    ("pt", "A lei caiu em 15 de março do ano passado.", "15 de março do ano passado", "2023-03-15", "inferred", None),
    ("bg", "Законът падна на 15 март миналата година.", "15 март миналата година", "2023-03-15", "inferred", None),
    ("bg", "Министърът говори в понеделник в София.", "в понеделник", "2024-07-01", "inferred", None),
    ("bg", "Мостът падна преди две години.", "преди две години", "2022", "inferred", None),
    ("bg", "Цените скочиха миналия месец.", "миналия месец", "2024-06", "inferred", None),
    ("bg", "Законът влезе в сила през 2019 г. след дълъг спор.", "2019 г.", "2019", "explicit", None),
    # French and Spanish (their packs' dates.yaml): weekdays alone or after an article, "il y a"/"hace", shifts
    ("fr", "Le ministère a déclaré lundi que les drones avaient frappé.", "lundi", "2024-07-01", "inferred", None),
    ("fr", "Le pont est tombé il y a trois jours.", "il y a trois jours", "2024-06-30", "inferred", None),
    ("fr", "Les prix ont augmenté le mois dernier.", "le mois dernier", "2024-06", "inferred", None),
    ("es", "El ministro dijo el lunes que el puente cayó.", "el lunes", "2024-07-01", "inferred", None),
    ("es", "El puente cayó hace tres días.", "hace tres días", "2024-06-30", "inferred", None),
    ("tr", "Bakan dün Ankara'da konuştu.", "dün", "2024-07-02", "inferred", None),
    ("tr", "Köprü üç gün önce çöktü.", "üç gün önce", "2024-06-30", "inferred", None),
    ("tr", "Fiyatlar geçen yıl arttı.", "geçen yıl", "2023", "inferred", None),
    ("en", "The drills ran March 1-3, 2023 near the border.", "March 1-3, 2023", "2023-03-01", "explicit",
     "2023-03-03"),
    ("en", "The plant was built two years ago by the river.", "two years ago", "2022", "inferred", None),
    # the day up to publication: a span, found but left unresolved
    ("ru", "За минувшие сутки регион обстреляли дважды.", "За минувшие сутки", None, None, None),
    ("en", "The region was shelled twice in the past 24 hours.", "in the past 24 hours", None, None, None),
    # seasons: the first month, the last as ``until``; relative ones from the publication date
    ("ru", "Прошлым летом завод закрыли на ремонт.", "Прошлым летом", "2023-06", "inferred", "2023-08"),
    ("ru", "Этой весной мост открыли после ремонта.", "Этой весной", "2024-03", "inferred", "2024-05"),
    ("ru", "Учения прошли летом 2022 года под Псковом.", "летом 2022 года", "2022-06", "explicit", "2022-08"),
    ("ru", "Весной прошлого года прошли выборы мэра.", "Весной прошлого года", "2023-03", "inferred", "2023-05"),
    ("ru", "Летом завод закрыли на ремонт.", "Летом", "2024-06", "inferred", "2024-08"),  # past: the latest begun
    ("ru", "Осенью будет решено, где строить мост.", "Осенью", "2024-09", "inferred", "2024-11"),  # future: the next
    ("ru", "Переговоры начнутся уже осенью в Женеве.", "осенью", "2024-09", "inferred", "2024-11"),  # perfective
    ("ru", "Этой зимой морозы ударили по урожаю.", "Этой зимой", "2023-12", "inferred", "2024-02"),  # past in July
    ("ru", "Следующей зимой цены вырастут.", "Следующей зимой", "2024-12", "inferred", "2025-02"),
    ("en", "Last summer the plant closed for repairs.", "Last summer", "2023-06", "inferred", "2023-08"),
    ("en", "In the spring of 2022 the army crossed the river.", "In the spring of 2022", "2022-03", "explicit",
     "2022-05"),
    ("en", "This winter will be hard for the farmers.", "This winter", "2024-12", "inferred", "2025-02"),
    # a winter with a year may be two winters: its year only
    ("ru", "Зимой 2022 года морозы ударили по урожаю.", "Зимой 2022 года", "2022", "explicit", None),
    # "сегодня"/"today" told in the past or future, or with a date beside it: the article's day
    ("ru", "Губернатор сегодня прилетел в Казань.", "сегодня", "2024-07-03", "inferred", None),
    ("ru", "Решение сегодня будет принято в Казани.", "сегодня", "2024-07-03", "inferred", None),
    ("en", "The minister met the envoy today in Rome.", "today", "2024-07-03", "inferred", None),
    ("en", "The deputies are voting today on the budget.", "today", "2024-07-03", "inferred", None),  # an event
    ("en", "Today the council has approved the budget.", "Today", "2024-07-03", "inferred", None),  # the past
    ("ru", "Минувшим днём взрывы прогремели в порту.", "Минувшим днём", "2024-07-02", "inferred", None),
    ("ru", "«В течение прошедшей ночи сбиты три дрона».", "прошедшей ночи", "2024-07-02", "inferred", None),
    # Hindi: weekdays alone, "कल" by the tense of its verb, periods, months before a postposition, counts back
    ("hi", "शुक्रवार को मंत्री ने बयान दिया।", "शुक्रवार", "2024-06-28", "inferred", None),
    ("hi", "कल शहर में बैठक हुई थी।", "कल", "2024-07-02", "inferred", None),
    ("hi", "कल शहर में बैठक होगी।", "कल", "2024-07-04", "inferred", None),
    ("hi", "पिछले साल पुल बनाया गया।", "पिछले साल", "2023", "inferred", None),
    ("hi", "मार्च में चुनाव हुए थे।", "मार्च में", "2024-03", "inferred", None),
    ("hi", "दो साल पहले पुल बना था।", "दो साल पहले", "2022", "inferred", None),
    ("hi", "आज मंत्री दिल्ली पहुंचे।", "आज", "2024-07-03", "inferred", None),
    # a part of the period publication falls in; the end of one told in the past may be last year's
    ("ru", "С начала года цены выросли на пять процентов.", "С начала года", "2024", "inferred", None),
    ("ru", "До конца месяца мост откроют.", "До конца месяца", "2024-07", "inferred", None),
    ("ru", "В конце года цены на хлеб выросли.", "В конце года", None, None, None),
    ("en", "Prices have risen since the start of the year.", "since the start of the year", "2024", "inferred", None),
    ("en", "The plant will close by the end of the year.", "by the end of the year", "2024", "inferred", None),
    ("en", "At the end of the year prices rose.", "At the end of the year", None, None, None),
    # counts in words, amounts that carry their count, counts forward, ordinal days
    ("ru", "Двадцать пять лет назад здесь построили мост.", "Двадцать пять лет назад", "1999", "inferred", None),
    ("ru", "Полгода назад мост закрыли.", "Полгода назад", "2024-01", "inferred", None),
    ("ru", "Через два дня мост откроют.", "Через два дня", "2024-07-05", "inferred", None),
    ("ru", "Первого июля мост открыли.", "Первого июля", "2024-07-01", "inferred", None),
    ("ru", "Двадцать четвёртого февраля 2022 года всё изменилось.", "Двадцать четвёртого февраля 2022 года",
     "2022-02-24", "explicit", None),
    # a month alone by the tense of its clause: past, the latest begun; future, the first not over
    ("ru", "В марте мост закрыли на ремонт.", "В марте", "2024-03", "inferred", None),
    ("ru", "В марте будут выборы мэра.", "В марте", "2025-03", "inferred", None),
    ("ru", "Выборы пройдут в марте по новым правилам.", "в марте", "2025-03", "inferred", None),
    ("en", "The talks resumed in March in Geneva.", "in March", "2024-03", "inferred", None),
    ("en", "The talks will resume in March in Geneva.", "in March", "2025-03", "inferred", None),
    ("en", "The talks will resume in July in Geneva.", "in July", "2024-07", "inferred", None),  # this month
    # Arabic: yesterday, last week, weekdays alone or with a shift after them, counts back, both month sets
    ("ar", "قال الوزير أمس إن الطريق أعيد فتحه.", "أمس", "2024-07-02", "inferred", None),
    ("ar", "التقى الرئيس نظيره الأسبوع الماضي في دمشق.", "الأسبوع الماضي", None, None, None),
    ("ar", "ارتفعت الأسعار في العام الماضي.", "في العام الماضي", "2023", "inferred", None),
    ("ar", "وقال الوزير الثلاثاء إن الطريق أعيد فتحه.", "الثلاثاء", "2024-07-02", "inferred", None),
    ("ar", "وقعت الحادثة الأحد الماضي في حلب.", "الأحد الماضي", "2024-06-30", "inferred", None),
    ("ar", "ستعقد القمة الأحد المقبل في القاهرة.", "الأحد المقبل", "2024-07-07", "inferred", None),
    ("ar", "أعيد فتح الطريق قبل يومين.", "قبل يومين", "2024-07-01", "inferred", None),
    ("ar", "وصل الوفد في شباط إلى دمشق.", "في شباط", "2024-02", "inferred", None),
    ("ar", "وصل الوفد في فبراير إلى القاهرة.", "في فبراير", "2024-02", "inferred", None),
    ("ar", "بدأت الأزمة في آذار 2011.", "آذار 2011", "2011-03", "explicit", None),
    ("ar", "وصلت قافلة مساعدات إلى المدينة صباح اليوم.", "صباح اليوم", "2024-07-03", "inferred", None),
    # a month by its tense or the shift after it, in Arabic and English
    ("ar", "جرت الانتخابات في مارس في أجواء هادئة.", "في مارس", "2024-03", "inferred", None),
    ("ar", "ستعقد الانتخابات في مارس في أجواء هادئة.", "في مارس", "2025-03", "inferred", None),
    ("ar", "جرت الانتخابات في آذار الماضي.", "في آذار الماضي", "2024-03", "inferred", None),
    ("ar", "تعقد الانتخابات في آذار المقبل.", "في آذار المقبل", "2025-03", "inferred", None),
    # a past verb nearer the month than a future one makes it the past, also joined to "و"; a future
    # verb nearer makes it the future, whatever past verb opens the sentence
    ("ar", "أعلن الوزير في مارس أن القمة ستعقد في القاهرة.", "في مارس", "2024-03", "inferred", None),
    ("ar", "وقال الوزير في مارس إن الانتخابات ستعقد في موعدها.", "في مارس", "2024-03", "inferred", None),
    ("ar", "قال الوزير إن القمة ستعقد في مارس.", "في مارس", "2025-03", "inferred", None),
    ("en", "The vote was held last March in Rome.", "last March", "2024-03", "inferred", None),
    ("en", "The vote will be held next October in Rome.", "next October", "2024-10", "inferred", None),
    # Portuguese weekdays as its news dates them ("esta sexta-feira"), alone, and the next one
    ("pt", "O ministro disse esta sexta-feira que o acordo caiu.", "esta sexta-feira", "2024-06-28", "inferred", None),
    ("pt", "O ataque de sábado matou dez pessoas.", "de sábado", "2024-06-29", "inferred", None),
    ("pt", "O Kremlin negou quinta-feira as acusações.", "quinta-feira", "2024-06-27", "inferred", None),
    ("pt", "O ministro participa no próximo sábado na cimeira.", "no próximo sábado", "2024-07-06", "inferred", None),
    ("ru", "В следующий понедельник пройдёт саммит.", "В следующий понедельник", "2024-07-08", "inferred", None),
    # Bulgarian: a year with its ordinal ending, a part of this year, a month after a shift, last night,
    # yesterday's, the next weekday
    ("bg", "Изборите през 2024-та година ще решат много.", "2024-та година", "2024", "explicit", None),
    ("bg", "Още в началото на годината министърът подаде оставка.", "в началото на годината", "2024", "inferred", None),
    ("bg", "Кризата започна миналия септември в столицата.", "миналия септември", "2023-09", "inferred", None),
    ("bg", "През изминалата нощ бяха свалени три дрона.", "изминалата нощ", "2024-07-02", "inferred", None),
    ("bg", "Посланикът бе привикан заради вчерашното нападение.", "вчерашното", "2024-07-02", "inferred", None),
    ("bg", "Срещата ще бъде следващия понеделник в София.", "следващия понеделник", "2024-07-08", "inferred", None),
    # decades: with their century explicit, with two digits the latest begun by publication
    ("en", "Storms were worse in the 1980s on the coast.", "1980s", "1980", "explicit", "1989"),
    ("en", "The plant was built in the '90s by the river.", "'90s", "1990", "inferred", "1999"),
    ("ru", "Завод закрыли в 1990-х из-за кризиса.", "1990-х", "1990", "explicit", "1999"),
    ("ru", "Завод закрыли в 90-х годах из-за кризиса.", "90-х годах", "1990", "inferred", "1999"),
    ("bg", "Заводът беше затворен през 80-те години.", "80-те години", "1980", "inferred", "1989"),
    ("pt", "A fábrica fechou na década de 1970 no norte.", "década de 1970", "1970", "explicit", "1979"),
    ("pt", "A fábrica fechou nos anos 90 no norte.", "anos 90", "1990", "inferred", "1999"),
    # centuries: numbered (Roman, or Arabic with its ending or after a preposition of time), or counted from
    # publication
    ("ru", "Мост построили в XIX веке купцы города.", "XIX веке", "1801", "explicit", "1900"),
    ("ru", "Мост построили в 19-м веке купцы города.", "19-м веке", "1801", "explicit", "1900"),
    ("ru", "Мост построили в 19 веке купцы города.", "в 19 веке", "1801", "explicit", "1900"),
    ("ru", "Мост построили в прошлом веке купцы города.", "прошлом веке", "1901", "inferred", "2000"),
    ("en", "The bridge was built in the 19th century by merchants.", "19th century", "1801", "explicit", "1900"),
    ("en", "The bridge was built last century by merchants.", "last century", "1901", "inferred", "2000"),
    ("bg", "Мостът е построен през XIX век от търговци.", "XIX век", "1801", "explicit", "1900"),
    ("bg", "Мостът е построен през XIV век от търговци.", "XIV век", "1301", "explicit", "1400"),
    ("pt", "A ponte foi construída no século XIX por mercadores.", "século XIX", "1801", "explicit", "1900"),
    ("pt", "A ponte foi construída no século passado por mercadores.", "século passado", "1901", "inferred", "2000"),
    # a full date before 1980, day and all (the publication-date reader takes 1980 on)
    ("ru", "Война началась 22 июня 1941 года на рассвете.", "22 июня 1941 года", "1941-06-22", "explicit", None),
    ("pt", "O regime caiu em 25 de abril de 1974 em Lisboa.", "25 de abril de 1974", "1974-04-25", "explicit", None),
    # what each language writes between a day and its month (its pack's ``day_month_joiners``): an ordinal's
    # ending after a hyphen, a word
    ("bg", "Властта беше сменена на 9-ти септември 1944 г. в София.", "9-ти септември 1944 г.", "1944-09-09", "explicit",
     None),
    ("bg", "Парадът ще бъде на 6-и май в центъра.", "6-и май", "2024-05-06", "inferred", None),
    ("ru", "Война началась 22-го июня 1941 года на рассвете.", "22-го июня 1941 года", "1941-06-22", "explicit", None),
    ("ru", "Форум открылся 12-го июня в Сочи.", "12-го июня", "2024-06-12", "inferred", None),
    ("es", "La dictadura cayó el 20 de noviembre de 1975 en Madrid.", "20 de noviembre de 1975", "1975-11-20",
     "explicit", None),
    # found, but no parse says which: unresolved, never a guess
    ("ru", "Переговоры начинаются уже осенью в Женеве.", "осенью", None, None, None),
    ("hi", "कल शहर में बैठक।", "कल", None, None, None),
]


@pytest.mark.parametrize(("lang", "sentence", "surface", "value", "basis", "until"), FOUND)
def test_a_date_is_found_with_its_span_and_value(lang: str, sentence: str, surface: str, value: str | None,
                                                  basis: str | None, until: str | None) -> None:
    found = find_claim_dates(sentence, lang, PUB)
    assert [d.text for d in found] == [surface]
    d = found[0]
    assert sentence[d.start:d.end] == surface
    assert (d.date, d.basis, d.until) == (value, basis, until)
    # an inferred date says what it was worked out from; an explicit one needs nothing
    assert d.inferred_from == (f"published {PUB}" if basis == "inferred" else None)


NOT_DATES = [
    ("ru", "Накануне выборов министр уехал в отпуск."),  # the eve of the elections: no day named
    ("ru", "Накануне выборов президент заявил о реформе."),  # the eve of the elections, then a subject
    ("ru", "Накануне Нового года мэр подписал указ."),  # the eve of the New Year: no day named
    ("ru", "Накануне визита делегации министр уехал."),  # the eve of a visit
    ("ru", "На 12-м году войны город опустел."),  # the twelfth year of the war, not 2012
    ("ru", "На следующий год он вернулся в город."),  # the year after the story's, not after publication
    ("ru", "Несколько дней назад пришли тревожные новости."),  # how many days is not said
    ("ru", "Войска отошли за сутки до выборов."),  # a day before something else
    ("ru", "Завод выпускает сто машин в сутки."),  # a rate, not a date
    ("ru", "Цена выросла с 10 по 30 рублей."),  # a range of amounts, not of days
    ("pt", "O barco ficou em mar aberto por horas."),  # "mar" is the sea, not March
    ("pt", "O candidato perdeu na segunda volta."),  # the second round, not Monday
    ("pt", "Já há anos que a fábrica fechou."),  # "for years": no count
    ("pt", "Hoje em dia ninguém lê jornais."),  # nowadays
    ("pt", "É o comunismo nos dias de hoje."),  # nowadays
    ("bg", "Армията изпрати 2000 войници на границата."),  # a count of soldiers, not a year
    ("en", "The officers spoke years ago about reform."),  # vague
    # "сегодня"/"today" beside a present-tense verb of state, or in a set phrase: nowadays, no day
    ("ru", "Эти партии сегодня не имеют веса в парламенте."),
    ("ru", "Денег на ремонт моста у города сегодня нет."),
    ("ru", "На сегодняшний день мост закрыт."),
    ("en", "Few people read paper maps as they do today."),
    ("en", "In today's world nobody reads newspapers."),
    ("hi", "आज के समय में भारत मजबूत है।"),
    # seasons that are other words: "the fall of" a regime, "летний" (a summer's), a dative "к зиме"
    ("en", "The fall of the regime came fast."),
    ("en", "The spring water was clean."),
    ("ru", "Пострадал 12-летний ребёнок."),
    ("ru", "Город готовится к холодной зиме."),
    # Hindi: a count before something else, and "कल"/"आज" inside other words
    ("hi", "चुनाव से दो दिन पहले नेता आए।"),
    ("hi", "वे निकले और आज़ाद हुए।"),
    # counted from something else, a count not said, a part of another period, an ordinal that is no day
    ("ru", "Через два дня после взрыва мост закрыли."),
    ("ru", "Через несколько лет мост откроют."),
    ("ru", "До конца учебного года осталась неделя."),
    ("ru", "Первого заместителя министра уволили."),
    ("en", "By the end of the year of the dragon nothing changed."),
    # Arabic: before something else, "the two", "general" after a title, "today" as nowadays
    ("ar", "وصل الوفد قبل يومين من الانتخابات."),
    ("ar", "وصل الوفد قبل يوم الانتخابات."),
    ("ar", "اتفق الطرفان على الحل بين الاثنين."),
    ("ar", "وقال الأمين العام للأمم المتحدة إن الوضع خطير."),
    ("ar", "وقال الرئيس إن العالم اليوم يعيش أزمة."),
    # two digits that are ages or temperatures, a year said with two digits, a name that is a weekday
    ("en", "Voters in their 30s sweated through 90s temperatures."),
    ("ru", "В 90-м году завод закрыли."),
    ("pt", "O Santo Domingo venceu o jogo."),
    # centuries counted, not named: "two centuries ago", "for centuries", forty of them
    ("ru", "Мост построили 2 века назад купцы."),
    ("ru", "Мост стоит на протяжении веков у реки."),
    ("en", "The bridge has stood for 2 centuries by the river."),
    # capitals of the numerals' letters that write no numeral: no century to state as explicit
    ("ru", "Мост построили в VV веке купцы."),
    ("ru", "Мост построили в IIII веке купцы."),
    ("bg", "Мостът е построен през IIX век от търговци."),
]


@pytest.mark.parametrize(("lang", "sentence"), NOT_DATES)
def test_a_non_date_is_not_found(lang: str, sentence: str) -> None:
    assert find_claim_dates(sentence, lang, PUB) == []


def test_without_a_publication_date_relative_dates_stay_unresolved() -> None:
    found = find_claim_dates("Накануне заявили, что два года назад и 1-3 марта всё решили, а в 2022 году отменили.",
                             "ru", None)
    assert [(d.text, d.date, d.basis, d.inferred_from) for d in found] == [
        ("Накануне", None, None, None), ("два года назад", None, None, None), ("1-3 марта", None, None, None),
        ("2022 году", "2022", "explicit", None)]
    pt = find_claim_dates("Há dois anos e no mês passado.", "pt", None)
    assert [d.date for d in pt] == [None, None]
    # a season counted from publication needs it; one with its year does not
    seasons = find_claim_dates("Прошлым летом завод закрыли, а летом 2022 года открыли. Сегодня он прилетел.", "ru", None)
    assert [(d.text, d.date, d.until, d.basis) for d in seasons] == [
        ("Прошлым летом", None, None, None), ("летом 2022 года", "2022-06", "2022-08", "explicit"),
        ("Сегодня", None, None, None)]
    ar = find_claim_dates("وقال الوزير أمس إن الاجتماع عقد قبل يومين وفي شباط 2022.", "ar", None)
    assert [(d.text, d.date, d.basis) for d in ar] == [("أمس", None, None), ("قبل يومين", None, None),
                                                        ("شباط 2022", "2022-02", "explicit")]
    ahead = find_claim_dates("Через два дня, с начала года и в марте будет иначе.", "ru", None)
    assert [d.date for d in ahead] == [None, None, None]
    hi = find_claim_dates("कल बैठक हुई थी और पिछले साल चुनाव हुए।", "hi", None)
    assert [(d.text, d.date) for d in hi] == [("कल", None), ("पिछले साल", None)]
    # a decade with two digits needs the publication date; one with its century does not
    decades = find_claim_dates("В 90-х годах и в 1990-х всё было иначе.", "ru", None)
    assert [(d.text, d.date, d.until, d.precision) for d in decades] == [
        ("90-х годах", None, None, "decade"), ("1990-х", "1990", "1999", "decade")]


def test_as_dict_carries_the_range_end_and_the_anchor_only_where_they_say_something() -> None:
    ranged, plain = find_claim_dates("Учения 1-3 марта и в 2022 году.", "ru", PUB)
    assert ranged.as_dict(0)["until"] == "2024-03-03" and ranged.as_dict(0)["inferred_from"] == f"published {PUB}"
    assert "until" not in plain.as_dict(0) and "inferred_from" not in plain.as_dict(0)


def test_the_eve_in_a_tag_dates_the_saying() -> None:
    from headwater.enrich.claims.records import find_claims
    from headwater.model import Article

    text = "Губернатор накануне заявил, что новый мост через реку откроют для движения после ремонта осенью."
    claim = "новый мост через реку откроют для движения после ремонта осенью"
    s = text.index(claim)
    a = Article(source="x", title="", text=text, language="ru", published=PUB)
    a.attributions = [{"claim": claim, "start": s, "end": s + len(claim), "cue": "заявил",
                       "cue_start": text.index("заявил"), "sources": [{"name": "Губернатор", "kind": "person"}],
                       "quote": False}]
    found = next(c for c in find_claims(a, None) if c["field"] == "text" and c["text"] == claim)
    (d,) = [d for d in found["date_spans"] if d.get("of") == "statement"]
    assert (text[d["start"]:d["end"]], d["date"], d["of"], d["inferred_from"]) == (
        "накануне", "2024-07-02", "statement", f"published {PUB}")


def test_one_unresolved_date_written_in_two_cases_is_no_contradiction() -> None:
    from headwater.link.contradictions import compare

    def claim(text: str, when: str) -> dict[str, object]:
        s = text.index(when)
        return {"text": text, "date_spans": [{"text": when, "start": s, "end": s + len(when), "date": None,
                                              "precision": "day"}]}

    a = claim("Na segunda-feira o exército recuou.", "Na segunda-feira")
    b = claim("O exército recuou na segunda-feira.", "na segunda-feira")
    assert compare(("a1", a), ("a2", b), same_incident=True) == []
    c = claim("O exército recuou na terça-feira.", "na terça-feira")
    assert [slot for slot, _, _ in compare(("a1", a), ("a3", c), same_incident=True)] == ["date"]


@pytest.mark.parametrize(("lang", "sentence", "first", "last"), [
    ("ru", "С января по май 2024 года туристы совершили больше поездок.", ("С января", "2024-01"),
     ("май 2024 года", "2024-05")),
    ("ru", "С ноября по февраль 2024 года цены росли.", ("С ноября", "2023-11"), ("февраль 2024 года", "2024-02")),
    ("pt", "De janeiro a março de 2023 as vendas caíram.", ("janeiro", "2023-01"), ("março de 2023", "2023-03")),
    ("bg", "От януари до март 2023 г. цените растяха.", ("От януари", "2023-01"), ("март 2023 г.", "2023-03")),
], ids=["ru", "ru-new-year", "pt", "bg"])
def test_the_first_month_of_a_range_takes_the_year_written_after_the_last(
        lang: str, sentence: str, first: tuple[str, str], last: tuple[str, str]) -> None:
    """The text fixes both months, with no publication date needed (it was left unresolved)."""
    found = find_claim_dates(sentence, lang, None)
    assert [(d.text, d.date, d.basis) for d in found] == [(*first, "explicit"), (*last, "explicit")]
