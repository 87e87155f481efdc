"""Every write of the portal: submitting and picking, the workflow transition, fact-checks,
the private thread, and corrections and revisions of published stories."""
