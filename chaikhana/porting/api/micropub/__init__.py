"""W3C Micropub (Recommendation, 2017-05-23): /micropub and its media endpoint."""
