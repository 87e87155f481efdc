"""Moving blogs in and out: WordPress (WXR) import now; LiveJournal, export and APIs later."""
