"""Media: uploads, metadata stripping, renditions, quotas and storage."""
