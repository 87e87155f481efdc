"""Spam defence that needs no third party: honeypot, timing token, rate limits, blocklists
and a naive Bayes filter that learns from moderators across the network.

The comments app (and later mentions and sign-up) calls one function::

    from chaikhana.comments.spam.assessment import assess
    result = assess(text=..., links=[...], author_name=..., email=..., user=request.user,
                    request=request, form_data=request.POST, now=timezone.now())
    result.verdict   # "approve" | "hold" | "spam"
    result.score     # the filter's P(spam), 0.5 while it is still learning
    result.reasons   # stable codes: "honeypot", "too-fast", "rate-address", "filter-spam", ...
    result.messages  # the same, translated

Forms add the honeypot and the signed timing token with ``forms.spam_fields(now)``; pass
``form_data=None`` where there is no form (webmentions).
Record what happened with ``actions.record_assessment(obj=..., verdict=..., score=...)``;
a moderator's decision with ``actions.record_moderation(obj=..., text=document(...),
is_spam=...)``, which trains (and on reversal untrains) the filter. Blocklists:
``actions.add_blocked_word``, ``actions.add_blocked_domain``,
``actions.remove_blocked_term`` (staff manage them at /network/blocklist/). Figures for
the admin panel: ``statistics.spam_statistics(since)``. Tunables: conf.py.
"""
