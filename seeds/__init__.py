"""Sample newspaper pages; a new library starts with them."""
