"""Writes labelled_comments.jsonl: hand-written templates and vocabularies, filled in seeded.

Run ``.venv/bin/python chaikhana/comments/spam/data/generate.py``; the same seed always gives
the same file. SOURCE.md says how the templates were written and under what licence.
"""

from __future__ import annotations

import json
import random
from collections.abc import Callable
from pathlib import Path

SEED = 20261124
TEST_SHARE = 0.25
OUT = Path(__file__).with_name("labelled_comments.jsonl")

# ---- spam vocabulary ---------------------------------------------------------------------
SPAM_DOMAINS = [
    "vulkan-casino24.ru",
    "1xbet-mirror.top",
    "azino777-zerkalo.site",
    "bestbet.win",
    "crypto-x100.io",
    "btc-doubler.club",
    "fastzaim.online",
    "zaim-bez-otkaza.ru",
    "cheap-pharma.biz",
    "viagra-shop.xyz",
    "seo-links-pro.info",
    "backlinks4u.net",
    "kazino-bonus.vip",
    "stavki-sport.pro",
    "pin-up-official.shop",
    "invest-profit.me",
]
SPAM_SHORTENERS = ["bit.ly/3xK9pQ", "clck.ru/34Fz8", "tinyurl.com/yc8x2m", "t.me/bonus_kg_bot"]
SPAM_EN_OFFERS = [
    "best online casino with 200% welcome bonus",
    "free spins every day, no deposit needed",
    "double your bitcoin in 24 hours guaranteed",
    "payday loans approved in 5 minutes, bad credit OK",
    "cheap viagra and cialis without prescription",
    "buy 10000 high quality backlinks for your site",
    "earn $500 a day working from home",
    "sports betting tips with 95% win rate",
    "crypto trading bot, passive income from day one",
    "increase your Google ranking fast, guaranteed top 10",
]
SPAM_RU_OFFERS = [
    "лучшее онлайн казино, бонус 200% на первый депозит",
    "бесплатные вращения каждый день без депозита",
    "займ на карту за 5 минут без отказа и проверок",
    "ставки на спорт с проходимостью 95%",
    "удвоим ваш биткоин за сутки, гарантия",
    "заработок в интернете от 50000 рублей в неделю",
    "виагра и сиалис без рецепта с доставкой",
    "продвижение сайта в топ Яндекса за 7 дней",
    "вечные ссылки с трастовых сайтов недорого",
    "кредит наличными без справок, одобрение 99%",
    "инвестиции в криптовалюту, доход 3% в день",
]
SPAM_KY_OFFERS = [
    "онлайн казино, биринчи депозитке 200% бонус",
    "5 мүнөттө картага насыя, текшерүүсүз",
    "үйдөн иштеп күнүнө 3000 сом табыңыз",
]
SPAM_PRAISE_EN = [
    "Great post!",
    "Very informative article, thanks for sharing.",
    "Nice blog!",
    "I really like your writing style.",
    "Awesome content, keep it up!",
    "This is exactly what I was looking for.",
    "Thanks for the useful information.",
    "Wow, amazing article. I bookmarked your site.",
]
SPAM_PRAISE_RU = [
    "Отличная статья!",
    "Спасибо автору, очень полезно.",
    "Классный блог, подписался.",
    "Полезная информация, добавил в закладки.",
    "Интересно написано, спасибо!",
    "Автор молодец, пишите ещё.",
]
SPAM_CTA_EN = ["Check out", "Visit", "More info at", "Click here:", "See my site", "Details:"]
SPAM_CTA_RU = [
    "Заходите на",
    "Подробнее тут:",
    "Переходи по ссылке",
    "Смотрите на сайте",
    "Жми сюда:",
    "Пиши в телеграм",
]
# ---- ham vocabulary ----------------------------------------------------------------------
HAM_TOPICS_RU = [
    ("воду", "отключили воду", "Водоканал"),
    ("автобус", "маршрут 42 отменили", "мэрию"),
    ("школу", "в школе №5 протекает крыша", "управление образования"),
    ("выборы", "на участке не было списков", "ЦИК"),
    ("свет", "света не было шесть часов", "Северэлектро"),
    ("дорогу", "на Ахунбаева опять раскопали", "горсовет"),
    ("мусор", "мусор не вывозят вторую неделю", "Тазалык"),
    ("отопление", "батареи холодные с октября", "Бишкектеплосеть"),
    ("парк", "в парке вырубают деревья", "мэрию"),
    ("больницу", "в поликлинике очередь с шести утра", "минздрав"),
]
HAM_PLACES_RU = [
    "в Джале",
    "на Восток-5",
    "в Асанбае",
    "у нас в Караколе",
    "в Оше",
    "в Токмоке",
    "на Кок-Жаре",
    "в нашем микрорайоне",
    "в Нарыне",
    "в Таласе",
]
HAM_NEWS = [
    "24.kg",
    "kloop.kg",
    "akipress.org",
    "kaktus.media",
    "azattyk.org",
    "rus.azattyk.org",
    "bbc.com/russian",
    "economist.kg",
    "vb.kg",
    "cabar.asia",
]
HAM_TOPICS_EN = [
    ("the water cuts", "water was off all weekend", "the water utility"),
    ("the new bus routes", "route 42 was cancelled without notice", "city hall"),
    ("the school repairs", "the roof at School No. 5 still leaks", "the education office"),
    ("the election", "our polling station ran out of ballots", "the election commission"),
    ("the power outages", "we had no electricity for six hours", "the power company"),
    ("the workshop", "the data journalism workshop was full", "the organisers"),
    ("the park", "they are cutting trees in the park", "the city council"),
    ("rubbish collection", "nobody has collected rubbish for two weeks", "the municipality"),
]
HAM_SHORT = [
    "Спасибо!",
    "Спасибо за статью.",
    "Согласен.",
    "+1",
    "Точно!",
    "Рахмат!",
    "Чоң рахмат!",
    "Thanks!",
    "Thank you for writing this.",
    "Agreed.",
    "Так и есть.",
    "Жаль, что так.",
    "Поддерживаю.",
    "Очень нужная тема.",
    "Ура, наконец-то!",
    "Туура айтасыз.",
    "Well said.",
    "Где можно подписать петицию?",
    "А когда следующий семинар?",
    "Сильно написано.",
]
HAM_KY = [
    "Биздин айылда да суу жок, үч күн болду.",
    "Мектептин чатыры дагы эле агып жатат, ата-энелер акча чогултуп жатабыз.",
    "Шайлоодо биздин участокто байкоочуларды киргизишкен жок.",
    "Автобус саатына бир гана келет, балдар мектепке кечигип жатышат.",
    "Семинар абдан пайдалуу болду, уюштуруучуларга рахмат.",
    "Жолду оңдоп бүтө элек, күз келди.",
    "Бул маселени мэрияга жазуу керек, мен колдойм.",
    "Жарык эртең менен кайра өчтү, эмне болуп жатат?",
]


def obfuscate(text: str, rng: random.Random) -> str:
    """The disguises spam really uses: look-alike letters, spacing, zero-width spaces."""
    trick = rng.choice(["homoglyph", "spaced", "zero-width", "leet", "caps", "none", "none"])
    words = text.split()
    if not words:
        return text
    i = rng.randrange(len(words))
    if trick == "homoglyph":
        swap = str.maketrans("aeopcxАЕОРСаеорсх", "аеорсхAEOPCaeopcx")
        words[i] = words[i].translate(swap)
    elif trick == "spaced" and len(words[i]) > 3:
        words[i] = " ".join(words[i])
    elif trick == "zero-width":
        words[i] = "\u200b".join(words[i])
    elif trick == "leet":
        words[i] = words[i].translate(str.maketrans("aoeisа", "40315@"))
    elif trick == "caps":
        words[i] = words[i].upper() + "!!!"
    return " ".join(words)


def _link(rng: random.Random) -> str:
    target = rng.choice(SPAM_DOMAINS + SPAM_SHORTENERS)
    scheme = rng.choice(["https://", "http://", "", "www."])
    return f"{scheme}{target}" if "/" not in target else f"https://{target}"


def spam_offer(rng: random.Random) -> str:
    offer = rng.choice(SPAM_EN_OFFERS + SPAM_RU_OFFERS + SPAM_KY_OFFERS)
    cta = rng.choice(SPAM_CTA_RU if any("а" <= c <= "я" for c in offer) else SPAM_CTA_EN)
    body = rng.choice(["{o}! {c} {l}", "{c} {l} — {o}", "{o}. {c} {l} {l2}", "🔥 {o} 🔥 {l}"])
    return obfuscate(body.format(o=offer, c=cta, l=_link(rng), l2=_link(rng)), rng)


def spam_praise(rng: random.Random) -> str:
    praise = rng.choice(SPAM_PRAISE_EN + SPAM_PRAISE_RU)
    tail = rng.choice(
        [
            "By the way, {o}: {l}",
            "Кстати, {o} — {l}",
            "{l}",
            "My site: {l}",
            "Мой сайт {l}",
        ]
    )
    offer = rng.choice(SPAM_EN_OFFERS + SPAM_RU_OFFERS)
    return f"{praise} " + obfuscate(tail.format(o=offer, l=_link(rng)), rng)


def spam_seo(rng: random.Random) -> str:
    anchors = rng.sample(SPAM_EN_OFFERS + SPAM_RU_OFFERS, 3)
    links = " ".join(f"[{a}]({_link(rng)})" for a in anchors)
    return rng.choice(["", "Полезные ссылки: ", "Useful resources: "]) + links


def spam_contact(rng: random.Random) -> str:
    phone = (
        f"+{rng.choice(['7', '996', '998'])} {rng.randint(500, 999)} {rng.randint(100000, 999999)}"
    )
    offer = rng.choice(SPAM_RU_OFFERS + SPAM_KY_OFFERS + SPAM_EN_OFFERS)
    how = rng.choice(["WhatsApp", "Telegram @bonus_manager", "пишите в личку", "звоните"])
    return obfuscate(f"{offer}. {how} {phone}", rng)


def ham_ru(rng: random.Random) -> str:
    what, event, who = rng.choice(HAM_TOPICS_RU)
    place = rng.choice(HAM_PLACES_RU)
    patterns = [
        "{place} тоже {event}. Писали в {who} — ответа ноль.",
        "Спасибо, что подняли тему про {what}. {place} {event}, и никто не объясняет почему.",
        "А вы уверены насчёт цифр? По данным {news}, ситуация другая: https://{news}/news/{n}",
        "{place} {event} уже третий раз за месяц. Сколько можно?! Позор {who_short}.",
        "Не согласен с автором: {who} хотя бы начали что-то делать. Но {event} — это факт.",
        "Кто знает, куда жаловаться, если {event}? Звонили в {who}, отправили в другое место.",
        "Хорошо, что написали. Добавлю: {place} {event}, фото могу прислать.",
        "Вот ссылка на официальный ответ: https://{news}/{n}. Но по факту {event}.",
        "Статья однобокая. Вы не спросили {who}, а надо было.",
        "У нас {place} собрали подписи, {n} человек. Приходите на встречу в субботу.",
    ]
    text = rng.choice(patterns).format(
        place=place,
        event=event,
        who=who,
        what=what,
        news=rng.choice(HAM_NEWS),
        n=rng.randint(100, 9999),
        who_short=who,
    )
    return text[0].upper() + text[1:]


def ham_en(rng: random.Random) -> str:
    what, event, who = rng.choice(HAM_TOPICS_EN)
    patterns = [
        "Thank you for covering {what}. In our district {event} too.",
        "I disagree with the tone here, but the facts about {what} are right: {event}.",
        "The official statement: https://{news}/en/{n} — it contradicts what {who} told us.",
        "This is a disgrace. {event}, and {who} keeps saying everything is fine.",
        "Does anyone know who to contact about {what}? {who} never answers the phone.",
        "Good reporting. Could you follow up with {who} next month?",
        "We organised a meeting about {what}; {n} people came. Thanks for the post.",
        "Small correction: it was Tuesday, not Monday, when {event}.",
    ]
    text = rng.choice(patterns).format(
        what=what, event=event, who=who, news=rng.choice(HAM_NEWS), n=rng.randint(12, 900)
    )
    return text[0].upper() + text[1:]


def ham_short(rng: random.Random) -> str:
    return rng.choice(HAM_SHORT)


def ham_ky(rng: random.Random) -> str:
    extra = rng.choice(["", " Рахмат макала үчүн.", " Бул туура эмес!", " Колдойбуз."])
    return rng.choice(HAM_KY) + extra


KINDS: list[tuple[str, Callable[[random.Random], str], int]] = [
    ("spam", spam_offer, 170),
    ("spam", spam_praise, 110),
    ("spam", spam_seo, 40),
    ("spam", spam_contact, 50),
    ("ham", ham_ru, 190),
    ("ham", ham_en, 110),
    ("ham", ham_short, 60),
    ("ham", ham_ky, 50),
]


def build(seed: int = SEED) -> list[dict[str, str]]:
    """Every example, deduplicated, shuffled, each with its label and its split."""
    rng = random.Random(seed)
    rows: dict[str, str] = {}
    for label, make, count in KINDS:
        for _ in range(count):
            rows.setdefault(make(rng), label)
    items = sorted(rows.items())
    rng.shuffle(items)
    cut = int(len(items) * (1 - TEST_SHARE))
    return [
        {"text": text, "label": label, "split": "train" if i < cut else "test"}
        for i, (text, label) in enumerate(items)
    ]


if __name__ == "__main__":
    with OUT.open("w", encoding="utf-8") as out:
        for row in build():
            out.write(json.dumps(row, ensure_ascii=False) + "\n")
    print(f"wrote {OUT}")
