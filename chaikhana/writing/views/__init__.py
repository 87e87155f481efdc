"""The dashboard's views: parse with a form, check access, call one action, respond."""
