"""APIs for the clients writers already use: WordPress XML-RPC (with MetaWeblog and
Blogger) at /xmlrpc.php, and W3C Micropub at /micropub. Both sign in with application
passwords only (accounts.app_passwords)."""
