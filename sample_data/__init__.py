"""The French demo shop "Savonnerie du Marais" and the generator that rewrites its files."""
