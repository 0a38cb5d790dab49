"""What an edition holds beyond the document itself: the easy-read edition, and its draft."""
