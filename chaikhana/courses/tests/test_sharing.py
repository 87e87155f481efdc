"""A shared link to a course shows its title and description."""

import pytest

from chaikhana.courses.tests.factories import CourseFactory

pytestmark = pytest.mark.django_db


class CourseSharingTests:
    def test_course_page_describes_the_course_when_shared(self, client):
        course = CourseFactory(title="Мобильная журналистика", description="Снимаем на телефон.")
        html = client.get(course.get_absolute_url()).content.decode()
        head = html[: html.index("</head>")]
        assert '<meta property="og:title" content="Мобильная журналистика">' in head
        assert '<meta name="description" content="Снимаем на телефон.">' in head
