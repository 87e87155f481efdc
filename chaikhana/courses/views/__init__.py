"""The school's pages: catalogue, course and tutor pages, registering, calendars, staff pages."""
