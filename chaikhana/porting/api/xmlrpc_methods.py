"""Importing this module registers the WordPress, MetaWeblog and Blogger XML-RPC methods
with linkbacks' dispatcher at /xmlrpc.php (PortingConfig.ready() imports it)."""

from chaikhana.linkbacks.xmlrpc import advertise_api
from chaikhana.porting.api import metaweblog, movabletype, people, wordpress

__all__ = ["metaweblog", "movabletype", "people", "wordpress"]

# Named in each blog's RSD document (…/xmlrpc.php?rsd), the preferred dialect first.
for _api in ("WordPress", "Movable Type", "MetaWeblog", "Blogger"):
    advertise_api(_api)
