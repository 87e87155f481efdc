"""WordPress eXtended RSS (WXR) import: parse (streaming), convert content, import, redirect."""
