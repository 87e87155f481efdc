"""Importing this module registers the WordPress, MetaWeblog and Blogger XML-RPC methods
with linkbacks' dispatcher at /xmlrpc.php (PortingConfig.ready() imports it)."""

from chaikhana.porting.api import metaweblog, wordpress

__all__ = ["metaweblog", "wordpress"]
