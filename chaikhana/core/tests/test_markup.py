import pytest

from chaikhana.core.markup import html_to_text, render_markdown, sanitize_html

REL = 'rel="noopener nofollow ugc"'


class RenderMarkdownTests:
    def test_commonmark_blocks_render_when_source_uses_them(self):
        html = render_markdown("# Башкы\n\n> цитата\n\n- бир\n- эки\n\n```\ncode <b>\n```")
        assert "<h1>Башкы</h1>" in html
        assert "<blockquote>\n<p>цитата</p>\n</blockquote>" in html
        assert "<li>бир</li>" in html
        assert "<pre><code>code &lt;b&gt;\n</code></pre>" in html

    def test_table_keeps_alignment_when_columns_are_aligned(self):
        html = render_markdown("| Шаар | Калк |\n|:--|--:|\n| Ош | 322 000 |")
        assert '<th style="text-align:left">Шаар</th>' in html
        assert '<td style="text-align:right">322 000</td>' in html

    def test_footnote_links_to_its_note_when_source_has_one(self):
        html = render_markdown("Факт[^1].\n\n[^1]: Булак.")
        assert 'href="#fn1"' in html
        assert '<li id="fn1" class="footnote-item"><p>Булак.' in html

    def test_strikethrough_renders_when_text_is_between_tildes(self):
        assert "<s>жок</s>" in render_markdown("~~жок~~")

    def test_links_get_rel_when_author_adds_them(self):
        html = render_markdown("[сайт](https://example.kg) <a href='https://x.kg' rel='me'>x</a>")
        assert f'<a href="https://example.kg" {REL}>сайт</a>' in html
        assert f'<a href="https://x.kg" {REL}>x</a>' in html

    @pytest.mark.parametrize(
        "source",
        [
            "*unclosed emphasis and **strong",
            "<div><span>stray open tags",
            "</p></div> closing tags nobody opened",
            "[link with no end](http://",
            "| a |\n|---|\n| 1 | 2 | 3 |",
            "[^missing] footnote",
            "\x00\ufeff control characters",
        ],
    )
    def test_renders_text_without_error_when_markdown_is_malformed(self, source):
        html = render_markdown(source)
        assert html_to_text(html)  # the words survive

    def test_ten_megabytes_render_whole_when_text_is_plain(self):
        source = "сөз " * 2_500_000  # 10 MB of UTF-8
        html = render_markdown(source)
        assert html.count("сөз") == 2_500_000

    def test_deep_nesting_renders_without_recursion_error_when_source_is_ten_megabytes(self):
        html = render_markdown(">" * 10_000_000)
        assert "<blockquote>" in html


class SanitizeTests:
    @pytest.mark.parametrize(
        ("dirty", "clean"),
        [
            ("<script>alert(1)</script>ok", "ok"),
            ('<img src="x.png" onerror="alert(1)">', '<img src="x.png">'),
            ('<em onmouseover="alert(1)">x</em>', "<em>x</em>"),
            ('<a href="javascript:alert(1)">x</a>', f"<a {REL}>x</a>"),
            ('<a href=" JaVaScRiPt:alert(1)">x</a>', f"<a {REL}>x</a>"),
            ('<a href="data:text/html,<script>">x</a>', f"<a {REL}>x</a>"),
            ('<iframe src="https://evil.example"></iframe>ok', "ok"),
            ("<style>body{display:none}</style>ok", "ok"),
            ('<form action="https://evil.example"><input name="password"></form>ok', "ok"),
            ('<span style="position:fixed;color:red">x</span>', "<span>x</span>"),
            ("<!-- a secret note -->ok", "ok"),
        ],
    )
    def test_dangerous_markup_removed_when_html_is_imported(self, dirty, clean):
        assert sanitize_html(dirty) == clean

    def test_dangerous_markup_removed_when_it_is_inside_markdown(self):
        html = render_markdown(
            "Салам <script>alert(1)</script>\n\n[x](javascript:alert(1))\n\n"
            '<img src="a.png" onerror="alert(1)"> <iframe src="https://e.example"></iframe>'
        )
        for bad in ("<script", "onerror", "href=", "<iframe"):
            assert bad not in html

    def test_only_text_align_kept_when_table_cell_is_styled(self):
        html = sanitize_html(
            '<table><tr><td style="text-align:center;background:url(https://t.example/p)">'
            "1</td></tr></table>"
        )
        assert '<td style="text-align:center">1</td>' in html
        assert "t.example" not in html


class HtmlToTextTests:
    def test_reader_sees_characters_not_entities_when_text_has_ampersand_and_quotes(self):
        text = html_to_text(render_markdown('Tom & Jerry said "<3"'))
        assert text == 'Tom & Jerry said "<3"'

    def test_words_stay_apart_when_paragraphs_follow_each_other(self):
        assert html_to_text(render_markdown("Биринчи.\n\nЭкинчи.")) == "Биринчи. Экинчи."


class ClassAndIdTests:
    def test_own_classes_and_footnote_ids_are_kept_when_markdown_renders_them(self):
        html = render_markdown(
            "Fact[^1].\n\n```gallery\n![Osh](/media/a.jpg)\n```\n\n[^1]: Source."
        )
        for kept in ('class="footnote-ref"', 'id="fnref1"', 'id="fn1"', '<ul class="gallery">'):
            assert kept in html

    @pytest.mark.parametrize(
        ("dirty", "clean"),
        [
            ('<p class="messages error">You are signed out</p>', "<p>You are signed out</p>"),
            ('<div id="main">x</div>', "<div>x</div>"),
            ('<span id="fn1x" class="gallery skip">x</span>', '<span class="gallery">x</span>'),
            ('<code class="language-python">x</code>', '<code class="language-python">x</code>'),
        ],
    )
    def test_other_classes_and_ids_are_dropped_when_html_carries_them(self, dirty, clean):
        assert sanitize_html(dirty) == clean


class RemoteImageTests:
    def test_image_on_another_host_becomes_a_link_when_saved(self):
        html = render_markdown('![A "bazaar"](https://tracker.example/p.png?u=1&v=2)')
        assert "<img" not in html
        assert (
            '<a href="https://tracker.example/p.png?u=1&amp;v=2" rel="nofollow ugc noopener">'
            "Image: A &quot;bazaar&quot;</a>" in html
        )

    def test_image_without_description_is_named_by_its_host_when_remote(self):
        html = sanitize_html('<img src="//tracker.example/p.png">')
        assert html == (
            '<a href="//tracker.example/p.png" rel="nofollow ugc noopener">'
            "Image on tracker.example</a>"
        )

    def test_linked_remote_image_keeps_only_the_authors_link(self):
        html = sanitize_html(
            '<a href="https://x.kg/"><img src="https://t.example/p.png" alt="p"></a>'
        )
        assert html == f'<a href="https://x.kg/" {REL}>Image: p</a>'

    @pytest.mark.parametrize(
        "src",
        [
            "/media/blogs/1/a.jpg",
            "img/a.jpg",
            "http://127.0.0.1:8000/media/a.jpg",
            "https://demo.blogs.example/media/a.jpg",
            "https://bucket.s3.example/media/a.jpg",
        ],
    )
    def test_own_images_stay_images_when_on_this_site_or_its_storage(self, settings, src):
        settings.BLOG_DOMAIN = "blogs.example"
        settings.MEDIA_URL = "https://bucket.s3.example/media/"
        assert sanitize_html(f'<img src="{src}" alt="a">') == f'<img src="{src}" alt="a">'
