"""Write a synthetic WXR: N posts of Russian text (realistic sizes), terms, a few comments.

.venv/bin/python bench/import/make_wxr.py OUT.xml --posts 10000 [--words 400]
"""

from __future__ import annotations

import argparse
import random

WORDS = [
    "город",
    "жители",
    "власти",
    "вода",
    "дорога",
    "школа",
    "больница",
    "рынок",
    "новости",
    "выборы",
    "депутат",
    "село",
    "весна",
    "урожай",
    "цены",
    "зарплата",
    "автобус",
    "мост",
    "район",
    "аким",
    "собрание",
    "журналист",
    "блогер",
    "интернет",
    "связь",
    "молодёжь",
    "спорт",
    "праздник",
    "традиция",
    "чайхана",
    "горы",
    "река",
    "озеро",
]
HEAD = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/"
 xmlns:content="http://purl.org/rss/1.0/modules/content/"
 xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">
<channel><title>Бенчмарк</title><link>http://bench.example</link><language>ru-RU</language>
<wp:base_blog_url>http://bench.example</wp:base_blog_url>
<wp:author><wp:author_id>1</wp:author_id><wp:author_login>bench</wp:author_login>
<wp:author_display_name>Автор</wp:author_display_name></wp:author>
"""


def paragraph(rng: random.Random, words: int) -> str:
    text = " ".join(rng.choice(WORDS) for _ in range(words))
    return text[0].upper() + text[1:] + "."


def post(rng: random.Random, i: int, words: int) -> str:
    paras = "\n\n".join(paragraph(rng, words // 5) for _ in range(5))
    comments = "".join(
        f"<wp:comment><wp:comment_id>{i * 10 + c}</wp:comment_id>"
        f"<wp:comment_author>Читатель {c}</wp:comment_author>"
        f"<wp:comment_date_gmt>2015-05-0{c + 1} 10:00:00</wp:comment_date_gmt>"
        f"<wp:comment_content>{paragraph(rng, 20)}</wp:comment_content>"
        f"<wp:comment_approved>1</wp:comment_approved><wp:comment_parent>0</wp:comment_parent>"
        "</wp:comment>"
        for c in range(i % 3)
    )
    month, day = 1 + i % 12, 1 + i % 28
    return f"""<item><title>Запись {i}: {paragraph(rng, 5)}</title>
<link>http://bench.example/2015/{month:02d}/{day:02d}/zapis-{i}/</link><dc:creator>bench</dc:creator>
<content:encoded><![CDATA[{paras}]]></content:encoded><excerpt:encoded><![CDATA[]]></excerpt:encoded>
<wp:post_id>{i}</wp:post_id><wp:post_date>2015-{month:02d}-{day:02d} 12:00:00</wp:post_date>
<wp:post_date_gmt>2015-{month:02d}-{day:02d} 06:00:00</wp:post_date_gmt>
<wp:post_name>zapis-{i}</wp:post_name><wp:status>publish</wp:status><wp:post_type>post</wp:post_type>
<wp:post_password></wp:post_password><wp:is_sticky>0</wp:is_sticky>
<category domain="category" nicename="rubrika-{i % 20}">Рубрика {i % 20}</category>
<category domain="post_tag" nicename="metka-{i % 200}">метка {i % 200}</category>
<category domain="post_tag" nicename="metka-{(i * 7) % 200}">метка {(i * 7) % 200}</category>
{comments}</item>
"""


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("out")
    parser.add_argument("--posts", type=int, default=10_000)
    parser.add_argument("--words", type=int, default=400)
    args = parser.parse_args()
    rng = random.Random(42)
    with open(args.out, "w", encoding="utf-8") as out:
        out.write(HEAD)
        for i in range(1, args.posts + 1):
            out.write(post(rng, i, args.words))
        out.write("</channel></rss>\n")


if __name__ == "__main__":
    main()
