"""Every federation write with consequences: what we owe followers, what servers send us."""
