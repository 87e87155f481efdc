"""Reading figures without tracking: counting served stories, links to them, "most read/linked".

Nothing here knows who read: no cookie, no address, no user id. A story page served (fresh or
from the page cache) adds one to a cache counter; a task moves the counters into ``StoryView``.
"""
