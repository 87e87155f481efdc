"""The staff pages at /network/: thin views over network's queries and actions."""
